package io.camelparadigm.examples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesFilesOfTheExactSizeEachWithItsOwnContent() throws Exception {
        long size = 64 * 1024 * 2 + 100;  // two whole blocks and a part
        List<Path> files = SampleFiles.generate(dir, 5, size, 7);

        assertThat(files).hasSize(5).allSatisfy(file -> assertThat(Files.size(file)).isEqualTo(size));
        assertThat(files).extracting(file -> file.getFileName().toString()).startsWith("doc-000001.bin");
        assertThat(files.stream().map(SampleFilesTest::sha256).distinct()).hasSize(5);
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws Exception {
        Path first = SampleFiles.generate(dir.resolve("a"), 1, 1000, 3).get(0);
        Path second = SampleFiles.generate(dir.resolve("b"), 1, 1000, 3).get(0);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void refusesFilesTooSmallToBeToldApart() {
        assertThatThrownBy(() -> SampleFiles.generate(dir, 1, 8, 1)).hasMessageContaining("at least 16 bytes");
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
