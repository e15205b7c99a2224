package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadStateFileTest {

    private static final String IDENTITY = "folder /data, Paradigm https://paradigm.example, workspace 42";

    @TempDir
    Path dir;

    @Test
    void aKeyIsNewThenStartedThenDoneAndStaysDone() {
        try (UploadStateFile state = UploadStateFile.open(dir.resolve("s.state"), IDENTITY)) {
            assertThat(state.mark("a.pdf")).isEqualTo(UploadStateFile.Mark.NONE);

            state.started("a.pdf");
            assertThat(state.mark("a.pdf")).isEqualTo(UploadStateFile.Mark.STARTED);
            assertThat(state.startedCount()).isEqualTo(1);

            state.done("a.pdf");
            state.started("a.pdf");
            assertThat(state.mark("a.pdf")).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.mark("b.pdf")).isEqualTo(UploadStateFile.Mark.NONE);
            assertThat(state.doneCount()).isEqualTo(1);
            assertThat(state.startedCount()).isZero();
        }
    }

    @Test
    void marksSurviveReopeningAndTheFileKeepsItsId() {
        Path file = dir.resolve("s.state");
        java.util.UUID id;
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            id = state.id();
            state.done("done.md");
            state.started("cut-short.md");
        }

        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            assertThat(state.id()).isEqualTo(id);
            assertThat(state.mark("done.md")).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.mark("cut-short.md")).isEqualTo(UploadStateFile.Mark.STARTED);
            assertThat(state.mark("other.md")).isEqualTo(UploadStateFile.Mark.NONE);
        }
    }

    @Test
    void growsAsKeysArriveAndStaysCompact() {
        Path file = dir.resolve("s.state");
        int keys = 100_000;
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            for (int i = 0; i < keys; i++) {
                state.started("folder/" + i + ".pdf");
                if (i % 3 != 0) {
                    state.done("folder/" + i + ".pdf");
                }
            }
        }

        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            for (int i = 0; i < keys; i++) {
                assertThat(state.mark("folder/" + i + ".pdf")).isEqualTo(
                        i % 3 != 0 ? UploadStateFile.Mark.DONE : UploadStateFile.Mark.STARTED);
            }
            assertThat(state.doneCount() + state.startedCount()).isEqualTo(keys);
            // 16 bytes a slot, between 35 % and 70 % full
            assertThat(state.fileSize()).isLessThanOrEqualTo(4096 + 16L * keys / 35 * 100);
        }
        assertThat(dir.toFile().list()).containsExactly("s.state");
    }

    @Test
    void aStateFileOfAnotherFolderOrWorkspaceIsRefused() {
        Path file = dir.resolve("s.state");
        UploadStateFile.open(file, IDENTITY).close();

        assertThatThrownBy(() -> UploadStateFile.open(file, "folder /other, Paradigm https://paradigm.example, workspace 42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to another upload (" + IDENTITY + ")")
                .hasMessageContaining("use another --state-file");
    }

    @Test
    void aStateFileOfTheFormerFormatIsConvertedEachKeyDone() throws IOException {
        Path file = dir.resolve("state.txt");
        Files.write(file, List.of("handbook/onboarding.md", "welcome.md", ""), StandardCharsets.UTF_8);

        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            assertThat(state.mark("welcome.md")).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.mark("handbook/onboarding.md")).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.doneCount()).isEqualTo(2);
        }
        assertThat(Files.readAllLines(dir.resolve("state.txt.v0"))).contains("welcome.md");
    }

    @Test
    void aDamagedStateFileIsRefusedNamingIt() throws IOException {
        Path file = dir.resolve("s.state");
        Files.write(file, new byte[] {'P', 'R', 'D', 'G', 'M', 'S', 'T', '1', 0, 0, 0, 9});

        assertThatThrownBy(() -> UploadStateFile.open(file, IDENTITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is damaged or was written by another version");
    }

    @Test
    void marksWrittenByAProcessKilledWithSigkillAreThere() throws Exception {
        Path file = dir.resolve("s.state");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StateWriterProbe.class.getName(), file.toString(), IDENTITY, "5000")
                .redirectErrorStream(true).start();
        String firstLine = new java.io.BufferedReader(new java.io.InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        assertThat(firstLine).as("the probe writes 5,000 marks, then says so and waits").isEqualTo("WRITTEN");
        writer.destroyForcibly();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            assertThat(state.doneCount()).isEqualTo(2500);
            assertThat(state.startedCount()).isEqualTo(2500);
            assertThat(state.mark("file-4999")).isEqualTo(UploadStateFile.Mark.STARTED);
            assertThat(state.mark("file-4998")).isEqualTo(UploadStateFile.Mark.DONE);
        }
    }
}
