package io.camelparadigm.examples.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A folder as file shares hold them, for the folder uploader's benchmark: {@code count} PDF-named files of
 * {@code size} bytes, a thousand per subfolder ({@code part-0001/doc-0000001.pdf}), each with different content.
 * Files already there with the right size are kept, so a million-file folder is written once.
 */
final class SampleFolder {

    static final int FILES_PER_FOLDER = 1000;

    private SampleFolder() {
    }

    /** The first {@code count} files of a folder it generated (fewer when it holds fewer). */
    static List<Path> files(Path root, int count) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Path file = file(root, i);
            if (!Files.isRegularFile(file)) {
                break;
            }
            files.add(file);
        }
        return files;
    }

    static void generate(Path root, int count, int size, long seed) throws IOException {
        if (size < Long.BYTES) {
            throw new IllegalArgumentException("files must be at least " + Long.BYTES + " bytes, was " + size);
        }
        byte[] content = new byte[size];
        new SplittableRandom(seed).nextBytes(content);
        ByteBuffer stamp = ByteBuffer.wrap(content);
        for (int i = 1; i <= count; i++) {
            Path file = file(root, i);
            if (Files.exists(file) && Files.size(file) == size) {
                continue;
            }
            if (i % FILES_PER_FOLDER == 1 || !Files.isDirectory(file.getParent())) {
                Files.createDirectories(file.getParent());
            }
            stamp.putLong(0, i);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(content);
            }
        }
    }

    private static Path file(Path root, int number) {
        return root.resolve(String.format("part-%04d/doc-%07d.pdf", (number - 1) / FILES_PER_FOLDER + 1, number));
    }
}
