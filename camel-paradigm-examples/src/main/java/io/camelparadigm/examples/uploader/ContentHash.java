package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of a file's content that {@code --sync} stores with its document and gives the component as
 * {@code CamelParadigmContentHash}: {@code sha256:<hex>}, the form {@code onExisting=replace} itself computes, so a
 * document synced by this uploader and one uploaded by a route with {@code onExisting=replace} compare alike.
 */
final class ContentHash {

    /** The key of {@code additional_metadata} in which {@code onExisting=replace} keeps a document's version. */
    static final String METADATA_KEY = "content_hash";

    private ContentHash() {
    }

    /** Reads {@code file} once, streaming. */
    static String of(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to compare its content: " + e.getMessage(), e);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
