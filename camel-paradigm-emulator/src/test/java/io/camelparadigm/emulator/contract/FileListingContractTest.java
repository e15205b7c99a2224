package io.camelparadigm.emulator.contract;

import static io.camelparadigm.emulator.contract.ParadigmContract.assertConforms;
import static io.camelparadigm.emulator.contract.ParadigmContract.assertResponseConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelparadigm.emulator.ContractChecks;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every answer of {@code GET /api/v3/files} against the contract, over files in every state the
 * emulator produces (pending to embedded, failures with a detail, external metadata, tags, nulls),
 * with each documented filter.
 */
class FileListingContractTest {

    private static final String FILES = "/api/v3/files";
    private static final String SESSION = "0b6f7a52-3c1d-4e8f-9a2b-5c6d7e8f9a0b";

    /** Its tests check requests themselves ({@link ParadigmContract}), some off-contract on purpose: the referee judges answers. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @BeforeAll
    static void fillTheStore() {
        long workspace = EMULATOR.workspaceId();
        EMULATOR.seedFile(SeedFile.builder(workspace, "alpha-report.pdf")
                .title("Alpha quarterly report")
                .status("embedded")
                .statusVision("embedded")
                .externalMetadata(Map.of("external_id", "SRV-1", "doc_type", "Incident ticket",
                        "additional_metadata", Map.of("external_url", "https://tickets.example.com/SRV-1")))
                .tagIds(EMULATOR.tagIds().get(0))
                .uploadSessionUuid(SESSION)
                .createdAt(Instant.parse("2024-06-01T12:00:00Z"))
                .totalPages(12)
                .content("Alpha revenue grew in the quarter.")
                .build());
        EMULATOR.seedFile(SeedFile.builder(workspace, "beta-notes.docx")
                .status("parsing_failed")
                .statusVision("-")
                .statusDetail("The document could not be read.")
                .build());
        EMULATOR.seedFile(SeedFile.builder(workspace, "delta.pdf").status("parsing").build());
        EMULATOR.seedFile(SeedFile.builder(workspace, "epsilon.pdf").status("embedding").statusVision("processing").build());
        EMULATOR.seedFiles(workspace, 25, "bulk-");
        EMULATOR.scriptFailure("broken.*", "embedding_failed", "The embedding service refused the document.");
        upload("broken.txt");
        EMULATOR.completeAll();
        upload("gamma.txt");
    }

    private static void upload(String filename) {
        Exchange upload = http().postMultipart(FILES, MultipartBody.builder()
                .file("file", filename, "gamma text".getBytes(StandardCharsets.US_ASCII))
                .text("workspace_id", EMULATOR.workspaceId())
                .build());
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
    }

    @AfterEach
    void resetFaults() {
        EMULATOR.faults().reset();
    }

    private static EmulatorHttp http() {
        return new EmulatorHttp(EMULATOR.baseUrl(), EMULATOR.apiKey());
    }

    @Test
    void pageHoldingFilesInEveryStateConforms() {
        Exchange list = assertConforms(http().get(FILES, Map.of("page_size", 100)));

        assertThat(list.status()).isEqualTo(200);
        Set<String> statuses = new HashSet<>();
        Json.of(list).get("results").forEach(file -> statuses.add(file.get("status").asText()));
        assertThat(statuses).contains("pending", "parsing", "embedding", "embedded", "parsing_failed", "embedding_failed");
    }

    @Test
    void defaultFirstPageConforms() {
        Exchange list = assertConforms(http().get(FILES));

        assertThat(list.status()).isEqualTo(200);
        assertThat(Json.of(list).get("next").isTextual()).isTrue();
    }

    @Test
    void everyPageOfAWalkConformsIncludingNextAndPrevious() {
        Exchange page = assertConforms(http().get(FILES, Map.of("page_size", 7)));
        int pages = 1;
        while (Json.of(page).get("next").isTextual()) {
            page = assertConforms(http().getUrl(Json.of(page).get("next").asText()));
            assertThat(Json.of(page).get("previous").isTextual()).isTrue();
            pages++;
        }
        assertThat(pages).isGreaterThan(2);
    }

    /** Runs after the class's emulator has started, so it may ask it for ids. */
    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of(Map.of("status", "embedded,parsing_failed")),
                Arguments.of(Map.of("status_vision", "embedded,-")),
                Arguments.of(Map.of("workspace_id", EMULATOR.workspaceId() + "," + EMULATOR.readOnlyWorkspaceId())),
                Arguments.of(Map.of("tag_id", String.valueOf(EMULATOR.tagIds().get(0)))),
                Arguments.of(Map.of("extension", "pdf,docx")),
                Arguments.of(Map.of("filename", "ALPHA")),
                Arguments.of(Map.of("title", "quarterly")),
                Arguments.of(Map.of("created_at_after", "2024-06-01", "created_at_before", "2024-06-01T23:59:59Z")),
                Arguments.of(Map.of("updated_at_after", "2024-01-01", "updated_at_before", "2030-12-31")),
                Arguments.of(Map.of("external_metadata__external_id", "SRV-1")),
                Arguments.of(Map.of("external_metadata__doc_type", "incident")),
                Arguments.of(Map.of("upload_session_uuid", SESSION)),
                Arguments.of(Map.of("total_pages_min", 10, "total_pages_max", 20)),
                Arguments.of(Map.of("ordering", "-title")),
                Arguments.of(Map.of("ordering", "filename")),
                Arguments.of(Map.of("max_documents", 3)),
                Arguments.of(Map.of("include_details", true)),
                Arguments.of(Map.of("search", "alpha revenue")),
                Arguments.of(Map.of("search", "alpha", "search_details", true, "search_details_chunks_limit", 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filteredPageConforms(Map<String, ?> query) {
        Exchange list = assertConforms(http().get(FILES, query));

        assertThat(list.status()).isEqualTo(200);
        assertThat(Json.of(list).get("results")).as("files matching %s", query).isNotEmpty();
    }

    @Test
    void detailFieldsConform() {
        JsonNode file = Json.of(assertConforms(http().get(FILES,
                Map.of("include_details", true, "external_metadata__external_id", "SRV-1")))).at("/results/0");

        assertThat(file.get("signature").isTextual()).isTrue();
        assertThat(file.get("parser").isTextual()).isTrue();
    }

    @Test
    void badRequestAnswerToAnUnknownStatusConforms() {
        Exchange list = assertConforms(http().get(FILES, Map.of("status", "finished")));

        assertThat(list.status()).isEqualTo(400);
    }

    @Test
    void badRequestAnswerToAnUnknownOrderingConforms() {
        Exchange list = assertResponseConforms(http().get(FILES, Map.of("ordering", "size")));

        assertThat(list.status()).isEqualTo(400);
    }

    @Test
    void notFoundAnswerToAPagePastTheEndConforms() {
        Exchange list = assertConforms(http().get(FILES, Map.of("page", 999)));

        assertThat(list.status()).isEqualTo(404);
    }

    @Test
    void unauthorizedAnswerConforms() {
        Exchange list = assertResponseConforms(http().withKey("not-a-key").get(FILES));

        assertThat(list.status()).isEqualTo(401);
    }

    @Test
    void rateLimitedAnswerConforms() {
        EMULATOR.faults().rateLimitPerMinute(1);

        assertConforms(http().get(FILES, Map.of("page_size", 5)));
        Exchange limited = assertConforms(http().get(FILES, Map.of("page_size", 5)));

        assertThat(limited.status()).isEqualTo(429);
    }

    @Test
    void maintenanceAnswerConforms() {
        EMULATOR.faults().maintenance(Duration.ofMinutes(1));

        Exchange list = assertConforms(http().get(FILES));

        assertThat(list.status()).isEqualTo(503);
    }

    @Test
    void brokenJsonFromTheEmulatorIsRejected() {
        EMULATOR.faults().malformedJsonNext(1);

        Exchange list = http().get(FILES, Map.of("page_size", 5));

        assertThat(list.status()).isEqualTo(200);
        assertThat(ParadigmContract.JSON.responseViolations(list.observed())).isNotEmpty();
    }
}
