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
 * Generates the files a run uploads: each of the given size, each with different content (so every stored copy
 * has its own SHA-256), written block by block so a 1 GB file never sits in memory.
 */
public final class SampleFiles {

    /** Each block starts with the file's and the block's number, so no two blocks of a run are equal. */
    static final int MIN_SIZE = 2 * Long.BYTES;
    private static final int BLOCK = 64 * 1024;

    private SampleFiles() {
    }

    /** Writes {@code count} files named {@code doc-000001.bin}... into {@code dir}. */
    public static List<Path> generate(Path dir, int count, long size, long seed) throws IOException {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("files must be at least " + MIN_SIZE + " bytes, was " + size);
        }
        Files.createDirectories(dir);
        byte[] noise = new byte[BLOCK];
        new SplittableRandom(seed).nextBytes(noise);
        List<Path> files = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            Path file = dir.resolve(String.format("doc-%06d.bin", i));
            write(file, i, size, noise.clone());
            files.add(file);
        }
        return files;
    }

    private static void write(Path file, long fileNumber, long size, byte[] block) throws IOException {
        ByteBuffer stamp = ByteBuffer.wrap(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            long blockNumber = 0;
            for (long left = size; left > 0; left -= BLOCK) {
                stamp.putLong(0, fileNumber).putLong(Long.BYTES, blockNumber++);
                out.write(block, 0, (int) Math.min(BLOCK, left));
            }
        }
    }
}
