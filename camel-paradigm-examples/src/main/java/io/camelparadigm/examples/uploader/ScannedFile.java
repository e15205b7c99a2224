package io.camelparadigm.examples.uploader;

import java.nio.file.Path;

/**
 * A file the scanner found.
 *
 * @param path         where it is
 * @param relativePath its path below the scanned folder, with '/' separators: the key of the state file
 * @param size         its size in bytes
 */
public record ScannedFile(Path path, String relativePath, long size) {
}
