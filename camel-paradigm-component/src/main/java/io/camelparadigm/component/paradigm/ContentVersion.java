package io.camelparadigm.component.paradigm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.ParadigmException;
import io.camelparadigm.component.paradigm.client.UploadContent;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Message;

/**
 * How upload with onExisting=replace tells changed content from unchanged: a version of the content kept in the
 * document's {@code external_metadata.additional_metadata.content_hash}. The version is the route's
 * CamelParadigmContentHash header when it gives one (an ETag, a cTag or a hash the source computed: the body need not
 * be read to compare), else {@code sha256:<hex>} of the content, read once before it is sent. The service itself
 * returns nothing that tells content apart exactly: {@code size} is equal for many different contents, and
 * {@code signature} is a near-duplicate fingerprint (TLSH) that cannot be computed here.
 */
final class ContentVersion {

    static final String METADATA_KEY = "content_hash";

    private ContentVersion() {
    }

    /** Whether the route gives the version (CamelParadigmContentHash): then the content need not be read. */
    static boolean given(Message message) {
        String given = message.getHeader(ParadigmConstants.CONTENT_HASH, String.class);
        return given != null && !given.isBlank();
    }

    /** The version of the content to upload: the header's, else the SHA-256 of the content. */
    static String of(Message message, UploadContent content) {
        return given(message) ? message.getHeader(ParadigmConstants.CONTENT_HASH, String.class).trim()
                : "sha256:" + sha256(content);
    }

    /** The version a document was stored with, or null when it has none (uploaded without onExisting=replace). */
    static String stored(ParadigmFile file) {
        ExternalMetadata metadata = file.externalMetadata();
        Object version = metadata == null || metadata.additionalMetadata() == null ? null
                : metadata.additionalMetadata().get(METADATA_KEY);
        return version == null ? null : version.toString();
    }

    /** The metadata with the version recorded in its additional_metadata. */
    static ExternalMetadata recorded(ExternalMetadata metadata, String version) {
        Map<String, Object> additional = metadata.additionalMetadata() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(metadata.additionalMetadata());
        additional.put(METADATA_KEY, version);
        return new ExternalMetadata(metadata.externalId(), metadata.docType(), additional);
    }

    private static String sha256(UploadContent content) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        if (content instanceof UploadContent.FromBytes bytes) {
            return HexFormat.of().formatHex(digest.digest(bytes.bytes()));
        }
        try (InputStream in = new DigestInputStream(open(content), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new ParadigmException("upload", "cannot read the content to compare it with the stored one: " + e, e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static InputStream open(UploadContent content) throws IOException {
        if (content instanceof UploadContent.FromFile file) {
            return Files.newInputStream(file.path());
        }
        if (content instanceof UploadContent.Reopenable reopenable) {
            return reopenable.source().open();
        }
        throw new IllegalStateException("a one-shot stream cannot be hashed and then sent: it is copied first");
    }
}
