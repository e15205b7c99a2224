package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class InspectionTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = new ParadigmEmulatorExtension();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void requestsAreRecordedInOrderWithTheKeyMasked() {
        api.get("/api/v3/files?status=pending&page_size=5");
        EMULATOR.advance(Duration.ofSeconds(5));
        api.upload("a.pdf", "x".getBytes(StandardCharsets.UTF_8)).workspace(EMULATOR.workspaceId()).send();

        List<RecordedRequest> requests = EMULATOR.requests();

        assertThat(requests).hasSize(2);
        RecordedRequest list = requests.get(0);
        assertThat(list.method()).isEqualTo("GET");
        assertThat(list.path()).isEqualTo("/api/v3/files");
        assertThat(list.query()).isEqualTo("status=pending&page_size=5");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.receivedAt()).isEqualTo(ParadigmEmulator.MANUAL_CLOCK_START);
        assertThat(list.header("authorization")).isEqualTo("Bearer ***");
        RecordedRequest upload = requests.get(1);
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.query()).isNull();
        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(upload.receivedAt()).isEqualTo(ParadigmEmulator.MANUAL_CLOCK_START.plusSeconds(5));
        assertThat(requests.toString()).doesNotContain(EMULATOR.apiKey());
    }

    @Test
    void wrongKeysAreMaskedToo() {
        try (ApiTestClient intruder = new ApiTestClient(EMULATOR.baseUrl(), "leaked-secret")) {
            intruder.get("/api/v3/files");
        }
        assertThat(EMULATOR.requests().get(0).status()).isEqualTo(401);
        assertThat(EMULATOR.requests().toString()).doesNotContain("leaked-secret");
    }

    @Test
    void clearRequestsForgetsEarlierOnes() {
        api.get("/api/v3/files");
        EMULATOR.clearRequests();
        api.get("/api/v3/workspaces");

        assertThat(EMULATOR.requests()).extracting(RecordedRequest::path).containsExactly("/api/v3/workspaces");
    }

    @Test
    void storedFilesShowEachUploadOncePerWorkspaceWithItsHash() {
        long other = EMULATOR.createWorkspace("Other");
        api.upload("a.pdf", "same".getBytes(StandardCharsets.UTF_8)).workspace(EMULATOR.workspaceId())
                .field("external_metadata", "{\"external_id\":\"A\"}").send();
        api.upload("b.pdf", "same".getBytes(StandardCharsets.UTF_8)).workspace(other).send();

        assertThat(EMULATOR.storedFiles()).hasSize(2);
        assertThat(EMULATOR.storedFiles(EMULATOR.workspaceId())).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("a.pdf");
            assertThat(file.title()).isEqualTo("a");
            assertThat(file.externalId()).isEqualTo("A");
            assertThat(file.status()).isEqualTo("pending");
            assertThat(file.workspaceId()).isEqualTo(EMULATOR.workspaceId());
        });
        assertThat(EMULATOR.storedFiles(other)).singleElement()
                .satisfies(file -> assertThat(file.sha256()).isEqualTo(EMULATOR.storedFiles().get(0).sha256()));
    }

    @Test
    void resetClearsFilesRequestsAndClockButKeepsWorkspacesAndTags() {
        long workspace = EMULATOR.createWorkspace("Kept");
        EMULATOR.seedFiles(workspace, 3, "x-");
        EMULATOR.advance(Duration.ofHours(1));
        api.get("/api/v3/files");

        EMULATOR.reset();

        assertThat(EMULATOR.storedFiles()).isEmpty();
        assertThat(EMULATOR.requests()).isEmpty();
        assertThat(EMULATOR.now()).isEqualTo(ParadigmEmulator.MANUAL_CLOCK_START);
        assertThat(api.upload("a.pdf", "x".getBytes(StandardCharsets.UTF_8)).workspace(workspace).send().status())
                .isEqualTo(201);
    }

    @Test
    void aClosedEmulatorCanStartAgainWithItsState() {
        try (ParadigmEmulator emulator = ParadigmEmulator.builder().build().start()) {
            emulator.seedFiles(emulator.workspaceId(), 2, "kept-");
            emulator.close();
            emulator.start();
            try (ApiTestClient client = ApiTestClient.of(emulator)) {
                assertThat(client.get("/api/v3/files").json().get("count").asInt()).isEqualTo(2);
                assertThat(client.upload("a.pdf", "x".getBytes(StandardCharsets.UTF_8)).workspace(emulator.workspaceId())
                        .send().status()).isEqualTo(201);
            }
        }
    }

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(EMULATOR.emulator().toString()).doesNotContain(EMULATOR.apiKey()).contains("127.0.0.1");
    }
}
