package io.camelparadigm.emulator.contract;

import static io.camelparadigm.emulator.contract.ParadigmContract.assertConforms;
import static io.camelparadigm.emulator.contract.ParadigmContract.assertResponseConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelparadigm.emulator.ContractChecks;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer of {@code GET /api/v3/files/{id}} against the contract, at every step of processing. */
class FileDetailContractTest {

    /** Its tests check requests themselves ({@link ParadigmContract}), some off-contract on purpose: the referee judges answers. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @AfterEach
    void resetFaults() {
        EMULATOR.faults().reset();
    }

    private static EmulatorHttp http() {
        return new EmulatorHttp(EMULATOR.baseUrl(), EMULATOR.apiKey());
    }

    private static long upload(String filename) {
        Exchange upload = http().postMultipart("/api/v3/files", MultipartBody.builder()
                .file("file", filename, "Some text to parse.".getBytes(StandardCharsets.US_ASCII))
                .text("workspace_id", EMULATOR.workspaceId())
                .text("tags", EMULATOR.tagIds().get(0))
                .build());
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        return Json.of(upload).get("id").asLong();
    }

    @Test
    void fileConformsAtEveryStepOfItsProcessing() {
        long id = upload("steps.txt");
        List<String> seen = new ArrayList<>();
        for (int step = 0; step < 4; step++) {
            for (boolean withContent : new boolean[] {false, true}) {
                Exchange get = assertConforms(http().get("/api/v3/files/" + id, Map.of("include_content", withContent)));
                assertThat(get.status()).isEqualTo(200);
                seen.add(Json.of(get).get("status").asText());
            }
            EMULATOR.advance(Duration.ofSeconds(1));
        }
        assertThat(seen).contains("pending", "parsing", "embedding", "embedded");
    }

    @Test
    void failedFileConformsWithItsDetail() {
        EMULATOR.scriptFailure("fails-.*", "parsing_failed", "The PDF is encrypted.");
        long id = upload("fails-parsing.txt");
        EMULATOR.completeAll();

        JsonNode file = Json.of(assertConforms(http().get("/api/v3/files/" + id)));

        assertThat(file.get("status").asText()).isEqualTo("parsing_failed");
        assertThat(file.get("status_detail").asText()).isEqualTo("The PDF is encrypted.");
    }

    @Test
    void notFoundAnswersConform() {
        Exchange unknown = assertConforms(http().get("/api/v3/files/987654321"));

        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void unauthorizedAnswerConforms() {
        Exchange get = assertResponseConforms(http().withKey(null).get("/api/v3/files/1"));

        assertThat(get.status()).isEqualTo(401);
    }

    @Test
    void rateLimitedAndMaintenanceAnswersConform() {
        long id = upload("limited.txt");
        EMULATOR.faults().rateLimitPerMinute(1);
        assertConforms(http().get("/api/v3/files/" + id));
        Exchange limited = assertConforms(http().get("/api/v3/files/" + id));
        EMULATOR.faults().reset().maintenance(Duration.ofMinutes(1));
        Exchange maintenance = assertConforms(http().get("/api/v3/files/" + id));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(maintenance.status()).isEqualTo(503);
    }
}
