package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class FileDetailAndTagsTest {

    /** Sends off-contract requests on purpose, to see the emulator refuse them: only its answers are refereed. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void getFileAnswersTheDocumentWithItsCurrentStatus() {
        long id = upload("notes.txt", "Minutes of the board meeting.");
        EMULATOR.advance(Duration.ofSeconds(3));

        JsonNode file = api.get("/api/v3/files/" + id).json();

        assertThat(file.get("id").asLong()).isEqualTo(id);
        assertThat(file.get("status").asText()).isEqualTo("embedded");
        assertThat(file.get("size").asLong()).isEqualTo(29);
        assertThat(file.get("signature").asText()).startsWith("T1");
        assertThat(file.get("parser").asText()).isEqualTo("v2.2.1");
        assertThat(file.has("content")).isFalse();
        assertThat(file.has("status_detail")).isFalse();
    }

    @Test
    void includeContentAddsTheParsedTextOnceParsed() {
        long id = upload("notes.txt", "Minutes of the board meeting.");

        assertThat(api.get("/api/v3/files/" + id + "?include_content=true").json().get("content").isNull()).isTrue();
        EMULATOR.advance(Duration.ofSeconds(2));
        assertThat(api.get("/api/v3/files/" + id + "?include_content=true").json().get("content").asText())
                .isEqualTo("Minutes of the board meeting.");
    }

    @Test
    void unknownOrInvisibleFileIs404() {
        long foreign = EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf").build());

        for (String path : List.of("/api/v3/files/999999", "/api/v3/files/" + foreign, "/api/v3/files/abc")) {
            ApiTestClient.Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            UploadTest.assertErrorBody(reply.json());
        }
    }

    @Test
    void addTagsWithJsonBodyIsAdditiveAndIgnoresDuplicates() {
        List<Long> tags = EMULATOR.tagIds();
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").tagIds(tags.get(0)).build());

        ApiTestClient.Reply reply = api.postJson("/api/v3/files/" + id + "/tags",
                "{\"tags\": [" + tags.get(0) + ", " + tags.get(1) + "]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("tags").findValuesAsText("id")).containsExactly(tags.get(0) + "", tags.get(1) + "");
        assertThat(reply.json().get("message").asText()).isEqualTo("Added 1 tag(s) to file (duplicates ignored)");
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).containsExactly(tags.get(0), tags.get(1));
    }

    @Test
    void addTagsAcceptsFormFields() {
        List<Long> tags = EMULATOR.tagIds();
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").build());

        ApiTestClient.Reply reply = api.postForm("/api/v3/files/" + id + "/tags",
                Map.of("tags", List.of(tags.get(1) + "", tags.get(2) + "")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).containsExactly(tags.get(1), tags.get(2));
    }

    @Test
    void addTagsAcceptsMultipart() {
        List<Long> tags = EMULATOR.tagIds();
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").build());

        ApiTestClient.Reply reply = api.postMultipart("/api/v3/files/" + id + "/tags",
                MultipartEntityBuilder.create().addTextBody("tags", "[" + tags.get(2) + "]").build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).containsExactly(tags.get(2));
    }

    @Test
    void addingTagsMovesUpdatedAt() {
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").status("embedded").build());
        EMULATOR.advance(Duration.ofMinutes(10));

        JsonNode file = api.postJson("/api/v3/files/" + id + "/tags", "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}").json();

        assertThat(file.get("updated_at").asText()).isEqualTo("2025-01-01T00:10:00.000000Z");
    }

    @Test
    void unknownOrForeignTagsAre400AndNothingIsAdded() {
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").build());

        ApiTestClient.Reply reply = api.postJson("/api/v3/files/" + id + "/tags",
                "{\"tags\": [" + EMULATOR.tagIds().get(0) + ", " + EMULATOR.foreignTagId() + ", 424242]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asText()).contains(String.valueOf(EMULATOR.foreignTagId())).contains("424242");
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).isEmpty();
    }

    @Test
    void malformedTagRequestsAre400() {
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").build());
        String path = "/api/v3/files/" + id + "/tags";

        for (String body : List.of("{\"tags\": []}", "{}", "{\"tags\": \"1\"}", "{\"tags\": [\"x\"]}", "{\"tags\": [1", "")) {
            ApiTestClient.Reply reply = api.postJson(path, body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            UploadTest.assertErrorBody(reply.json());
        }
        assertThat(api.postForm(path, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void addTagsOnUnknownOrInvisibleFileIs404() {
        long foreign = EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf").build());
        String body = "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}";

        assertThat(api.postJson("/api/v3/files/999999/tags", body).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v3/files/" + foreign + "/tags", body).status()).isEqualTo(404);
    }

    @Test
    void addTagsInAReadOnlyWorkspaceIs403() {
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "a.pdf").build());

        ApiTestClient.Reply reply = api.postJson("/api/v3/files/" + id + "/tags", "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).isEmpty();
    }

    @Test
    void workspacesListsWhatTheKeyCanSeeInAPageEnvelope() {
        long created = EMULATOR.createWorkspace("Created");

        JsonNode page = api.get("/api/v3/workspaces").json();

        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("results").findValuesAsText("id")).containsExactly(
                EMULATOR.workspaceId() + "", EMULATOR.readOnlyWorkspaceId() + "", created + "");
        assertThat(page.get("results").get(0).get("name").asText()).isNotBlank();
        assertThat(page.get("results").get(0).get("workspace_type").asText()).isEqualTo("custom");
        assertThat(api.get("/api/v3/workspaces?page_size=2").json().get("next").asText()).contains("page=2");
    }

    @Test
    void unknownPathsAre404AndWrongMethodsAre405() {
        ApiTestClient.Reply unknown = api.get("/api/v3/nothing-here");
        ApiTestClient.Reply trailingSlash = api.get("/api/v3/files/");
        ApiTestClient.Reply delete = api.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files"));

        assertThat(unknown.status()).isEqualTo(404);
        UploadTest.assertErrorBody(unknown.json());
        assertThat(trailingSlash.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, POST");
    }

    private long upload(String filename, String text) {
        return api.upload(filename, text.getBytes(StandardCharsets.UTF_8)).workspace(EMULATOR.workspaceId()).send()
                .json().get("id").asLong();
    }
}
