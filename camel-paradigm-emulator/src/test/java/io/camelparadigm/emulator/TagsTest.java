package io.camelparadigm.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET} and {@code POST /api/v3/tags}, and {@code DELETE /api/v3/files/{id}/tags/{tag_id}}. */
class TagsTest {

    /** Sends off-contract requests on purpose, to see the emulator refuse them: only its answers are refereed. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void listShowsTheCompanysTagsWithTheDocumentsTheKeyCanSee() {
        List<Long> tags = EMULATOR.tagIds();
        EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").tagIds(tags.get(0), tags.get(1)).build());
        EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "b.pdf").tagIds(tags.get(0)).build());
        EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "c.pdf").tagIds(tags.get(0)).build());

        JsonNode page = api.get("/api/v3/tags?page_size=100").json();

        List<String> ids = page.get("results").findValuesAsText("id");
        assertThat(ids).contains(tags.get(0) + "", tags.get(1) + "", tags.get(2) + "")
                .doesNotContain(EMULATOR.foreignTagId() + "");
        assertThat(page.get("count").asInt()).isEqualTo(ids.size());
        assertThat(documentCount(page, tags.get(0))).as("the foreign workspace's file is not counted").isEqualTo(2);
        assertThat(documentCount(page, tags.get(1))).isEqualTo(1);
        assertThat(documentCount(page, tags.get(2))).isZero();
        JsonNode first = page.get("results").get(0);
        assertThat(first.get("name").asText()).isNotBlank();
        assertThat(first.has("description")).isTrue();
        assertThat(first.get("auto_assign").isBoolean()).isTrue();
        assertThat(api.get("/api/v3/tags?page_size=1").json().get("next").asText()).contains("page=2");
    }

    @Test
    void createAnswers201WithTheTagWhichFilesCanThenCarry() {
        String name = "Contracts " + UUID.randomUUID();

        ApiTestClient.Reply created = api.postJson("/api/v3/tags",
                "{\"name\": \"" + name + "\", \"description\": \"Signed contracts\", \"auto_assign\": true}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode tag = created.json();
        assertThat(tag.get("name").asText()).isEqualTo(name);
        assertThat(tag.get("description").asText()).isEqualTo("Signed contracts");
        assertThat(tag.get("auto_assign").asBoolean()).isTrue();
        assertThat(tag.get("document_count").asInt()).isZero();
        long tagId = tag.get("id").asLong();
        long file = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").build());
        assertThat(api.postJson("/api/v3/files/" + file + "/tags", "{\"tags\": [" + tagId + "]}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v3/tags?page_size=100").json().get("results").findValuesAsText("name")).contains(name);
    }

    @Test
    void createAcceptsAUrlencodedForm() {
        String name = "Form " + UUID.randomUUID();

        ApiTestClient.Reply created = api.postForm("/api/v3/tags", Map.of("name", List.of(name),
                "auto_assign", List.of("false")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("description").asText()).isEmpty();
        assertThat(created.json().get("auto_assign").asBoolean()).isFalse();
    }

    @Test
    void invalidTagsAre400AndAreNotCreated() {
        String taken = "Taken " + UUID.randomUUID();
        assertThat(api.postJson("/api/v3/tags", "{\"name\": \"" + taken + "\"}").status()).isEqualTo(201);
        int before = api.get("/api/v3/tags").json().get("count").asInt();

        for (String body : List.of("{\"name\": \"" + taken + "\"}", "{}", "{\"name\": \"  \"}",
                "{\"name\": \"" + "x".repeat(256) + "\"}", "{\"name\": 7}", "{\"name\": \"ok\", \"auto_assign\": \"maybe\"}",
                "[]", "{\"name\": ")) {
            ApiTestClient.Reply reply = api.postJson("/api/v3/tags", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            UploadTest.assertErrorBody(reply.json());
        }
        HttpPost xml = new HttpPost(EMULATOR.baseUrl() + "/api/v3/tags");
        xml.setEntity(new StringEntity("<tag/>", ContentType.APPLICATION_XML));
        assertThat(api.send(xml).status()).isEqualTo(415);
        assertThat(api.get("/api/v3/tags").json().get("count").asInt()).isEqualTo(before);
    }

    @Test
    void onlyAKeyThatMayWriteSomewhereCreatesTags() {
        String viewerKey = EMULATOR.createApiKey(Map.of(EMULATOR.workspaceId(), WorkspaceRole.VIEWER));

        try (ApiTestClient viewer = new ApiTestClient(EMULATOR.baseUrl(), viewerKey);
             ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null)) {
            assertThat(viewer.postJson("/api/v3/tags", "{\"name\": \"Viewer's\"}").status()).isEqualTo(403);
            assertThat(viewer.get("/api/v3/tags").status()).as("a viewer still lists them").isEqualTo(200);
            assertThat(anonymous.get("/api/v3/tags").status()).isEqualTo(401);
            assertThat(anonymous.postJson("/api/v3/tags", "{\"name\": \"Nobody's\"}").status()).isEqualTo(401);
        }
        assertThat(api.get("/api/v3/tags?page_size=100").json().get("results").findValuesAsText("name"))
                .doesNotContain("Viewer's", "Nobody's");
    }

    @Test
    void removeTagTakesOneTagOffAndStampsTheFile() {
        List<Long> tags = EMULATOR.tagIds();
        long file = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").status("embedded")
                .tagIds(tags.get(0), tags.get(1)).build());
        EMULATOR.advance(Duration.ofMinutes(3));

        ApiTestClient.Reply removed = removeTag(api, file, tags.get(0) + "");

        assertThat(removed.status()).isEqualTo(204);
        assertThat(removed.body()).isEmpty();
        JsonNode after = api.get("/api/v3/files/" + file).json();
        assertThat(after.get("tags").findValuesAsText("id")).containsExactly(tags.get(1) + "");
        assertThat(after.get("updated_at").asText()).isEqualTo("2025-01-01T00:03:00.000000Z");
        assertThat(removeTag(api, file, tags.get(0) + "").status()).as("no longer on the file").isEqualTo(404);
    }

    @Test
    void removeTagAnswers404ForWhatIsNotThereAnd403ForAReadOnlyFile() {
        long tag = EMULATOR.tagIds().get(0);
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "v.pdf").tagIds(tag).build());
        long foreign = EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "s.pdf").build());
        long mine = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "m.pdf").tagIds(tag).build());

        assertThat(removeTag(api, readOnly, tag + "").status()).isEqualTo(403);
        assertThat(removeTag(api, foreign, tag + "").status()).isEqualTo(404);
        assertThat(removeTag(api, 987_654, tag + "").status()).isEqualTo(404);
        assertThat(removeTag(api, mine, "abc").status()).isEqualTo(404);
        try (ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null)) {
            assertThat(removeTag(anonymous, mine, tag + "").status()).isEqualTo(401);
        }
        assertThat(EMULATOR.storedFiles()).filteredOn(f -> f.id() != foreign)
                .allSatisfy(f -> assertThat(f.tagIds()).containsExactly(tag));
    }

    private static ApiTestClient.Reply removeTag(ApiTestClient client, long file, String tag) {
        return client.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/" + file + "/tags/" + tag));
    }

    private static int documentCount(JsonNode page, long tagId) {
        for (JsonNode tag : page.get("results")) {
            if (tag.get("id").asLong() == tagId) {
                return tag.get("document_count").asInt();
            }
        }
        throw new AssertionError("tag " + tagId + " not listed");
    }
}
