package io.camelparadigm.examples.uploader;

import java.nio.file.Path;

/**
 * A file the scanner found.
 *
 * @param path         where it is
 * @param relativePath its path below the scanned folder, with '/' separators: the key of the state file
 * @param size         its size in bytes
 * @param modified     its modification time, in nanoseconds since the epoch (as precise as the file system keeps it)
 */
public record ScannedFile(Path path, String relativePath, long size, long modified) {
}
