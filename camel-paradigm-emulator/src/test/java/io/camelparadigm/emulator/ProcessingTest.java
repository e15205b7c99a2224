package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessingTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .stepDuration(Duration.ofSeconds(10))
            .build();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void eachStepOfTheManualClockMovesTheFileOneStatusAndStampsUpdatedAt() {
        long id = upload("report.pdf");

        assertStatus(id, "pending", null, "2025-01-01T00:00:00.000000Z");
        EMULATOR.advance(Duration.ofSeconds(9));
        assertStatus(id, "pending", null, "2025-01-01T00:00:00.000000Z");
        EMULATOR.advance(Duration.ofSeconds(1));
        assertStatus(id, "parsing", "processing", "2025-01-01T00:00:10.000000Z");
        EMULATOR.advance(Duration.ofSeconds(10));
        assertStatus(id, "embedding", "processing", "2025-01-01T00:00:20.000000Z");
        EMULATOR.advance(Duration.ofSeconds(10));
        assertStatus(id, "embedded", "embedded", "2025-01-01T00:00:30.000000Z");
        EMULATOR.advance(Duration.ofHours(1));
        assertStatus(id, "embedded", "embedded", "2025-01-01T00:00:30.000000Z");
    }

    @Test
    void oneBigAdvanceAppliesEveryDueTransition() {
        long id = upload("report.pdf");

        EMULATOR.advance(Duration.ofMinutes(5));

        assertStatus(id, "embedded", "embedded", "2025-01-01T00:00:30.000000Z");
        assertThat(EMULATOR.storedFiles().get(0).status()).isEqualTo("embedded");
    }

    @Test
    void setStatusVisionChangesOnlyTheVisionAndStampsUpdatedAt() {
        long id = upload("report.pdf");
        EMULATOR.advance(Duration.ofSeconds(30));
        EMULATOR.advance(Duration.ofSeconds(15));

        EMULATOR.setStatusVision(id, "fail");

        assertStatus(id, "embedded", "fail", "2025-01-01T00:00:45.000000Z");
        assertThatThrownBy(() -> EMULATOR.setStatusVision(id, "done"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusVision");
        assertThatThrownBy(() -> EMULATOR.setStatusVision(id + 1000, "fail"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No file");
    }

    @Test
    void formatsWithoutVisionProcessingReadDash() {
        long id = upload("notes.txt");
        EMULATOR.advance(Duration.ofSeconds(30));

        assertThat(file(id).get("status_vision").asText()).isEqualTo("-");
    }

    @Test
    void pagesAndSummariesAppearOnceParsed() {
        long id = upload("report.pdf");
        assertThat(file(id).get("total_pages").asInt()).isZero();
        assertThat(file(id).get("summaries")).isEmpty();

        EMULATOR.advance(Duration.ofSeconds(30));

        assertThat(file(id).get("total_pages").asInt()).isPositive();
        assertThat(file(id).get("summaries").get(0).get("language").asText()).isEqualTo("en");
    }

    @Test
    void scriptedParsingFailureStopsAfterParsingWithItsDetail() {
        EMULATOR.scriptFailure("^corrupt", "parsing_failed", "PDF is encrypted");
        long failing = upload("corrupt-scan.pdf");
        long fine = upload("fine.pdf");

        EMULATOR.advance(Duration.ofSeconds(10));
        assertThat(file(failing).get("status").asText()).isEqualTo("parsing");
        EMULATOR.advance(Duration.ofSeconds(10));
        JsonNode failed = file(failing);
        assertThat(failed.get("status").asText()).isEqualTo("parsing_failed");
        assertThat(failed.get("status_detail").asText()).isEqualTo("PDF is encrypted");
        assertThat(failed.get("status_vision").asText()).isEqualTo("fail");
        assertThat(failed.get("updated_at").asText()).isEqualTo("2025-01-01T00:00:20.000000Z");
        EMULATOR.advance(Duration.ofMinutes(10));
        assertThat(file(failing).get("status").asText()).isEqualTo("parsing_failed");
        assertThat(file(fine).get("status").asText()).isEqualTo("embedded");
    }

    @Test
    void scriptedEmbeddingFailureAndFailStopAtTheirStatus() {
        EMULATOR.scriptFailure("embed", "embedding_failed", "Embedding service timed out");
        EMULATOR.scriptFailure("\\.exe$", "fail", "Unsupported format");
        long embed = upload("embed-me.pdf");
        long exe = upload("tool.exe");

        EMULATOR.advance(Duration.ofSeconds(10));
        assertThat(file(exe).get("status").asText()).isEqualTo("fail");
        assertThat(file(exe).get("status_detail").asText()).isEqualTo("Unsupported format");
        assertThat(file(embed).get("status").asText()).isEqualTo("parsing");
        EMULATOR.completeAll();
        assertThat(file(embed).get("status").asText()).isEqualTo("embedding_failed");
        assertThat(file(embed).get("status_detail").asText()).isEqualTo("Embedding service timed out");
    }

    @Test
    void scriptedFailuresApplyToSeededFilesToo() {
        EMULATOR.scriptFailure("bad", "fail", "nope");
        List<Long> ids = EMULATOR.seedFiles(EMULATOR.workspaceId(), 2, "bad-");

        EMULATOR.completeAll();

        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::status).containsOnly("fail");
        assertThat(file(ids.get(0)).get("status_detail").asText()).isEqualTo("nope");
    }

    @Test
    void unknownFailureStatusIsRefused() {
        assertThatThrownBy(() -> EMULATOR.scriptFailure("x", "exploded", "boom"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exploded");
    }

    @Test
    void completeAllEndsEveryProcessingAndNoMore() {
        upload("a.pdf");
        EMULATOR.advance(Duration.ofSeconds(15));
        upload("b.pdf");

        EMULATOR.completeAll();

        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::status).containsOnly("embedded");
        assertThat(EMULATOR.now()).isEqualTo("2025-01-01T00:00:45Z");
    }

    @Test
    void seededFixedStatusesNeverMove() {
        long fixed = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "x.pdf").status("parsing").build());

        EMULATOR.advance(Duration.ofDays(1));

        assertThat(file(fixed).get("status").asText()).isEqualTo("parsing");
    }

    @Test
    void advanceIsRefusedOnARealClock() {
        try (ParadigmEmulator real = ParadigmEmulator.builder().realClock().build()) {
            assertThatThrownBy(() -> real.advance(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void onTheRealClockFilesProgressByThemselves() {
        try (ParadigmEmulator real = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50)).build().start();
             ApiTestClient client = ApiTestClient.of(real)) {
            long id = client.upload("a.pdf", "x".getBytes(StandardCharsets.UTF_8)).workspace(real.workspaceId()).send()
                    .json().get("id").asLong();
            String status = null;
            for (int attempt = 0; attempt < 200 && !"embedded".equals(status); attempt++) {
                ApiTestClient.awaitQuietly(20);
                status = client.get("/api/v3/files/" + id).json().get("status").asText();
            }
            assertThat(status).isEqualTo("embedded");
        }
    }

    private long upload(String filename) {
        return api.upload(filename, "content".getBytes(StandardCharsets.UTF_8)).workspace(EMULATOR.workspaceId()).send()
                .json().get("id").asLong();
    }

    private JsonNode file(long id) {
        return api.get("/api/v3/files/" + id).json();
    }

    private void assertStatus(long id, String status, String vision, String updatedAt) {
        JsonNode file = file(id);
        assertThat(file.get("status").asText()).isEqualTo(status);
        if (vision == null) {
            assertThat(file.get("status_vision").isNull()).isTrue();
        } else {
            assertThat(file.get("status_vision").asText()).isEqualTo(vision);
        }
        assertThat(file.get("updated_at").asText()).isEqualTo(updatedAt);
        JsonNode listed = api.get("/api/v3/files?status=" + status).json();
        assertThat(ListFilesTest.ids(listed)).contains(id);
    }
}
