package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/**
 * Walks a folder recursively and hands each file to a {@link Listener} as it is found, sorted into "upload",
 * "skip" (with the reason) and "excluded" as the vendor's batch script does: unsupported extensions and oversize
 * files are skipped, never failures. Nothing is collected: a folder of a million files is walked in the memory of
 * one directory level at a time, in the order the file system lists them.
 */
public final class FolderScanner {

    /** What the walk found, one file at a time. */
    public interface Listener {

        /** A file to upload; may block (a full upload queue slows the walk down). */
        void upload(ScannedFile file);

        /** A file the name filter selected that cannot be uploaded. */
        void skipped(String relativePath, SkipReason reason);

        /** A file the include/exclude lists left out. */
        void excluded();

        /** Asked before each file: true ends the walk early. */
        default boolean stop() {
            return false;
        }

        /**
         * Asked before a folder is listed: true skips it and everything below it.
         *
         * @param relativeDir the folder below the walked one, {@code /}-separated; {@code ""} for the walked one
         * @param modified    its modification time, in nanoseconds since the epoch
         */
        default boolean skipFolder(String relativeDir, long modified) {
            return false;
        }

        /**
         * A folder (not skipped) was listed to the end.
         *
         * @param files             the files of the folder handed to {@link #upload}
         * @param onlyUploadedFiles true when every entry of the folder was such a file: no subfolder, nothing
         *                          skipped, excluded, unreadable or other than a regular file
         */
        default void folderListed(String relativeDir, long modified, long files, boolean onlyUploadedFiles) {
        }
    }

    /** A folder being listed: what its entries were so far. */
    private static final class Listing {
        final String relativeDir;
        final long modified;
        long files;
        boolean onlyUploadedFiles = true;

        Listing(String relativeDir, long modified) {
            this.relativeDir = relativeDir;
            this.modified = modified;
        }
    }

    /** What the bytes of a name that the platform's encoding cannot decode read as. */
    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

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

    /** Walks {@code folder}; returns false when {@link Listener#stop()} ended the walk early. */
    public boolean scan(Path folder, Listener listener) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Not a folder: " + folder.toAbsolutePath());
        }
        Path root = folder.toAbsolutePath().normalize();
        boolean[] stopped = {false};
        Deque<Listing> listings = new ArrayDeque<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    notOnlyUploadedFiles(listings);
                    String relativeDir = relativePath(root, dir);
                    long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
                    if (listener.skipFolder(relativeDir, modified)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    listings.push(new Listing(relativeDir, modified));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (listener.stop()) {
                        stopped[0] = true;
                        return FileVisitResult.TERMINATE;
                    }
                    String name = file.getFileName().toString();
                    if (!nameFilter.accepts(name)) {
                        notOnlyUploadedFiles(listings);
                        listener.excluded();
                        return FileVisitResult.CONTINUE;
                    }
                    String relativePath = relativePath(root, file);
                    // a link to a file is uploaded as the vendor's script does (its target's content under the
                    // link's name); links to folders are not followed, so a link loop cannot hold the walk
                    BasicFileAttributes content = attributes.isSymbolicLink() ? targetOf(file) : attributes;
                    SkipReason reason = content == null ? SkipReason.BROKEN_LINK
                            : content.isDirectory() ? SkipReason.LINK_TO_FOLDER
                            : !content.isRegularFile() ? SkipReason.NOT_A_FILE
                            : skipReason(file, name, content.size());
                    if (reason == null) {
                        listings.peek().files++;
                        listener.upload(new ScannedFile(file, relativePath, content.size(),
                                content.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
                    } else {
                        notOnlyUploadedFiles(listings);
                        listener.skipped(relativePath, reason);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    notOnlyUploadedFiles(listings);
                    listener.skipped(relativePath(root, file), SkipReason.UNREADABLE);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
                    Listing listing = listings.pop();
                    listener.folderListed(listing.relativeDir, listing.modified, listing.files,
                            listing.onlyUploadedFiles && failure == null);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + root, e);
        }
        return !stopped[0];
    }

    /** The attributes of what a symbolic link points to; null when it points to nothing that can be read. */
    private static BasicFileAttributes targetOf(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static void notOnlyUploadedFiles(Deque<Listing> listings) {
        Listing current = listings.peek();
        if (current != null) {
            current.onlyUploadedFiles = false;
        }
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

    /**
     * The file's path below the root, '/' between names: the key of the state file. A name the platform's encoding
     * cannot decode (a Latin-1 {@code caf\xe9.txt} on a UTF-8 system) reads as {@code caf?.txt} (U+FFFD), as would
     * {@code caf\xe8.txt}: such a name is written with its bytes percent-encoded, as in its file URI, so that no two
     * files share a key.
     */
    static String relativePath(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path relative = root.relativize(absolute);
        String text = relative.toString();
        if (text.isEmpty() || decodesLosslessly(relative, text)) {
            return text.replace(file.getFileSystem().getSeparator(), "/");
        }
        String[] rawNames = absolute.toUri().getRawPath().split("/");
        int first = rawNames.length - relative.getNameCount();
        StringJoiner names = new StringJoiner("/");
        for (int i = 0; i < relative.getNameCount(); i++) {
            String name = relative.getName(i).toString();
            names.add(decodesLosslessly(relative.getName(i), name) ? name : rawNames[first + i]);
        }
        return names.toString();
    }

    /** True when a path's text may stand for bytes the platform's encoding could not decode (they read as U+FFFD). */
    static boolean mayHoldUndecodableBytes(String text) {
        return text.indexOf(REPLACEMENT_CHARACTER) >= 0;
    }

    private static boolean decodesLosslessly(Path path, String text) {
        if (!mayHoldUndecodableBytes(text)) {
            return true;
        }
        try {
            return path.equals(path.getFileSystem().getPath(text));
        } catch (InvalidPathException unmappable) {
            return false;
        }
    }
}
