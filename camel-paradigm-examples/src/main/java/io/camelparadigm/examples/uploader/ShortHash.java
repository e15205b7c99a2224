package io.camelparadigm.examples.uploader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short file name for a longer text (a folder, an instance and a workspace; a jar's location): the first 12 hex
 * digits of its SHA-256, the same on every JVM and in every version, so that a run finds the files of the runs before.
 */
final class ShortHash {

    private ShortHash() {
    }

    static String of(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
