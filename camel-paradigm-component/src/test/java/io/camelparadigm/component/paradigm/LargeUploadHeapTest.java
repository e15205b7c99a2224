package io.camelparadigm.component.paradigm;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.StoredFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A 300 MB file goes through the component in a JVM whose whole heap is 64 MB: it must be streamed. */
class LargeUploadHeapTest {

    private static final long SIZE = 300L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void uploadStreamsA300MegabyteFileWithA64MegabyteHeap() throws Exception {
        Path file = dir.resolve("large.bin");
        String expectedSha256 = writeGeneratedFile(file);

        try (ParadigmEmulator emulator = ParadigmEmulator.builder().maxFileSize(SIZE * 2).build().start()) {
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process probe = new ProcessBuilder(List.of(java, "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"),
                    LargeUploadProbe.class.getName(),
                    emulator.baseUrl(), emulator.apiKey(), String.valueOf(emulator.workspaceId()), file.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();

            assertThat(probe.exitValue()).as(output).isZero();
            assertThat(output).contains("UPLOADED");
            StoredFile stored = emulator.storedFiles(emulator.workspaceId()).get(0);
            assertThat(stored.size()).isEqualTo(SIZE);
            assertThat(stored.sha256()).isEqualTo(expectedSha256);
        }
    }

    /** Writes SIZE bytes of a repeating, position-dependent pattern and answers their SHA-256. */
    private static String writeGeneratedFile(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[1 << 20];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            for (long written = 0; written < SIZE; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = written + i;
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
