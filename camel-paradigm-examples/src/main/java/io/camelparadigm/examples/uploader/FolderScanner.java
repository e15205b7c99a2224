package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Walks a folder recursively and sorts its files into "upload", "skip" (with the reason) and "excluded", as the
 * vendor's batch script does: unsupported extensions and oversize files are skipped, never failures.
 */
public final class FolderScanner {

    private final NameFilter nameFilter;
    private final Set<String> supportedExtensions;
    private final long maxFileSize;

    /**
     * @param nameFilter          the include/exclude lists
     * @param supportedExtensions extensions Paradigm ingests, lower case, without dot
     * @param maxFileSize         largest file uploaded, in bytes
     */
    public FolderScanner(NameFilter nameFilter, Set<String> supportedExtensions, long maxFileSize) {
        this.nameFilter = nameFilter;
        this.supportedExtensions = Set.copyOf(supportedExtensions);
        this.maxFileSize = maxFileSize;
    }

    public ScanResult scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Not a folder: " + folder.toAbsolutePath());
        }
        Path root = folder.toAbsolutePath().normalize();
        List<ScannedFile> toUpload = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        int[] excluded = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relativePath = relativePath(root, file);
                    String name = file.getFileName().toString();
                    if (!nameFilter.accepts(name)) {
                        excluded[0]++;
                        return FileVisitResult.CONTINUE;
                    }
                    SkipReason reason = skipReason(file, name, attributes.size());
                    if (reason == null) {
                        toUpload.add(new ScannedFile(file, relativePath, attributes.size()));
                    } else {
                        skipped.add(new SkippedFile(relativePath, reason));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    skipped.add(new SkippedFile(relativePath(root, file), SkipReason.UNREADABLE));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + root, e);
        }
        toUpload.sort(Comparator.comparing(ScannedFile::relativePath));
        skipped.sort(Comparator.comparing(SkippedFile::relativePath));
        return new ScanResult(toUpload, skipped, excluded[0]);
    }

    private SkipReason skipReason(Path file, String name, long size) {
        if (!supportedExtensions.contains(NameFilter.extensionOf(name))) {
            return SkipReason.UNSUPPORTED_EXTENSION;
        }
        if (size > maxFileSize) {
            return SkipReason.TOO_LARGE;
        }
        if (size == 0) {
            return SkipReason.EMPTY;
        }
        if (!Files.isReadable(file)) {
            return SkipReason.UNREADABLE;
        }
        return null;
    }

    private static String relativePath(Path root, Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
