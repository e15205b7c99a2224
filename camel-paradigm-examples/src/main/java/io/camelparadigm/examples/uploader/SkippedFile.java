package io.camelparadigm.examples.uploader;

/** A file that was found but not uploaded, and why. */
public record SkippedFile(String relativePath, SkipReason reason) {
}
