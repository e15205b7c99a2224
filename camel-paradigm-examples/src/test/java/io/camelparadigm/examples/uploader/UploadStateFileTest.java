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
            // 48 bytes a slot, between 35 % and 70 % full
            assertThat(state.fileSize()).isLessThanOrEqualTo(4096 + 48L * keys / 35 * 100);
        }
        assertThat(dir.toFile().list()).containsExactly("s.state");
    }

    @Test
    void aDoneFileIsChangedWhenItsSizeOrTimeDifferFromThoseRecordedThroughGrowthAndReopening() {
        Path file = dir.resolve("s.state");
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            state.done("a.pdf", 10, 1_000, 7);
            assertThat(state.mark("a.pdf", 10, 1_000)).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.mark("a.pdf", 11, 1_000)).isEqualTo(UploadStateFile.Mark.CHANGED);
            assertThat(state.mark("a.pdf", 10, 1_001)).isEqualTo(UploadStateFile.Mark.CHANGED);
            assertThat(state.mark("a.pdf")).as("without a size and time: uploaded").isEqualTo(UploadStateFile.Mark.DONE);
            state.started("b.pdf");
            assertThat(state.mark("b.pdf", 10, 1_000)).isEqualTo(UploadStateFile.Mark.STARTED);
            for (int i = 0; i < 10_000; i++) { // grows several times
                state.done("more/" + i, i + 1, i, i + 100);
            }
        }
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            assertThat(state.mark("a.pdf", 10, 1_000)).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.mark("more/9999", 10_000, 9_999)).isEqualTo(UploadStateFile.Mark.DONE);
            state.done("a.pdf", 12, 2_000, 7);
            assertThat(state.mark("a.pdf", 12, 2_000)).isEqualTo(UploadStateFile.Mark.DONE);
        }
    }

    @Test
    void aSyncRunListsTheDoneFilesItDidNotSeeAndForgetsTheirDocumentsOnceDeleted() {
        Path file = dir.resolve("s.state");
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            state.beginRun();
            state.done("kept.pdf", 1, 1, 11);
            state.done("gone.pdf", 1, 1, 12);
            state.done("unknown-document.pdf");
            state.started("cut-short.pdf");
        }
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            state.beginRun();
            assertThat(state.sight("kept.pdf", 1, 1)).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.sight("new.pdf", 1, 1)).isEqualTo(UploadStateFile.Mark.NONE);
            state.done("new.pdf", 1, 1, 13);

            List<UploadStateFile.Unseen> unseen = state.unseen(0, 10);
            assertThat(unseen).extracting(UploadStateFile.Unseen::documentId).containsExactly(12L);
            assertThat(state.unseen(unseen.get(0).slot() + 1, 10)).isEmpty();
            state.forget(unseen.get(0).slot());
            assertThat(state.unseen(0, 10)).isEmpty();
            assertThat(state.mark("gone.pdf", 1, 1)).as("back one day: sent again").isEqualTo(UploadStateFile.Mark.CHANGED);
        }
        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            state.beginRun();
            assertThat(state.unseen(0, 10)).extracting(UploadStateFile.Unseen::documentId)
                    .containsExactlyInAnyOrder(11L, 13L);
            state.unseen(0, 10).forEach(found -> state.seen(found.slot()));
            assertThat(state.unseen(0, 10)).isEmpty();
        }
    }

    @Test
    void aStateFileOfTheFirstBinaryFormatIsConvertedKeepingItsIdAndMarks() throws IOException {
        Path file = dir.resolve("s.state");
        java.util.UUID id = java.util.UUID.randomUUID();
        byte[] identity = IDENTITY.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer v1 = java.nio.ByteBuffer.allocate(4096 + 16 * 4096);
        v1.put("PRDGMST1".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(4096)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putInt(identity.length).put(identity);
        putVersion1Slot(v1, "done.md", true);
        putVersion1Slot(v1, "cut-short.md", false);
        Files.write(file, v1.array());

        try (UploadStateFile state = UploadStateFile.open(file, IDENTITY)) {
            assertThat(state.id()).isEqualTo(id);
            assertThat(state.mark("done.md")).isEqualTo(UploadStateFile.Mark.DONE);
            assertThat(state.mark("done.md", 5, 5)).as("no size nor time recorded: compared once")
                    .isEqualTo(UploadStateFile.Mark.CHANGED);
            assertThat(state.mark("cut-short.md")).isEqualTo(UploadStateFile.Mark.STARTED);
            assertThat(state.mark("other.md")).isEqualTo(UploadStateFile.Mark.NONE);
        }
        assertThat(dir.resolve("s.state.v1")).exists();
    }

    /** A slot as the first binary format wrote it: 16 bytes, linear probing from the low word. */
    private static void putVersion1Slot(java.nio.ByteBuffer v1, String key, boolean done) throws IOException {
        byte[] digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(digest);
        long high = hash.getLong() & ~(3L << 62);
        long low = hash.getLong();
        int slot = (int) low & 4095;
        while (v1.getLong(4096 + slot * 16) != 0) {
            slot = slot + 1 & 4095;
        }
        v1.putLong(4096 + slot * 16 + 8, low);
        v1.putLong(4096 + slot * 16, high | 1L << 63 | (done ? 1L << 62 : 0));
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
