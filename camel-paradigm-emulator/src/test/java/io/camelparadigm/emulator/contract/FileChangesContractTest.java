package io.camelparadigm.emulator.contract;

import static io.camelparadigm.emulator.contract.ParadigmContract.assertConforms;
import static io.camelparadigm.emulator.contract.ParadigmContract.assertResponseConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.camelparadigm.emulator.ContractChecks;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.WorkspaceRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every answer of the endpoints that change or remove files and tags ({@code PATCH} and {@code DELETE
 * /api/v3/files/{id}}, {@code POST /api/v3/files/bulk-delete}, {@code DELETE /api/v3/files/{id}/tags/{tag_id}},
 * {@code GET} and {@code POST /api/v3/tags}) against the contract, and the requests that produce them.
 */
class FileChangesContractTest {

    /** Its tests check requests themselves ({@link ParadigmContract}), some off-contract on purpose: the referee judges answers. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    private static EmulatorHttp http() {
        return new EmulatorHttp(EMULATOR.baseUrl(), EMULATOR.apiKey());
    }

    private static long newFile(String externalId) {
        MultipartBody.Builder form = MultipartBody.builder()
                .file("file", "changed.txt", "first".getBytes(StandardCharsets.UTF_8))
                .text("workspace_id", EMULATOR.workspaceId())
                .text("tags", EMULATOR.tagIds().get(0));
        if (externalId != null) {
            form.json("external_metadata", "{\"external_id\": \"" + externalId + "\"}");
        }
        Exchange upload = http().postMultipart("/api/v3/files", form.build());
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        return Json.of(upload).get("id").asLong();
    }

    @Test
    void patchWithEveryMultipartFieldConforms() {
        long file = newFile("contract-" + UUID.randomUUID());

        Exchange patched = assertConforms(http().patchMultipart("/api/v3/files/" + file, MultipartBody.builder()
                .file("file", "changed-v2.txt", "second".getBytes(StandardCharsets.UTF_8))
                .text("title", "Second version")
                .text("tags", EMULATOR.tagIds().get(1))
                .text("tags", EMULATOR.tagIds().get(2))
                .json("external_metadata", "{\"doc_type\": \"memo\", \"additional_metadata\": {\"version\": \"2\"}}")
                .build()));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(Json.of(patched).get("status").asText()).isEqualTo("pending");
    }

    @Test
    void patchWithAUrlencodedFormConforms() {
        long file = newFile(null);

        Exchange patched = assertConforms(http().patchForm("/api/v3/files/" + file,
                Map.of("title", "Renamed", "tags", List.of(EMULATOR.tagIds().get(1)))));

        assertThat(patched.status()).isEqualTo(200);
    }

    @Test
    void patchRefusalsConform() {
        long file = newFile("contract-" + UUID.randomUUID());
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());

        Exchange badTag = assertConforms(http().patchMultipart("/api/v3/files/" + file,
                MultipartBody.builder().text("tags", EMULATOR.foreignTagId()).build()));
        Exchange blankTitle = assertResponseConforms(http().patchMultipart("/api/v3/files/" + file,
                MultipartBody.builder().text("title", " ").build()));
        Exchange forbidden = assertConforms(http().patchMultipart("/api/v3/files/" + readOnly,
                MultipartBody.builder().text("title", "Mine").build()));
        Exchange unknown = assertConforms(http().patchMultipart("/api/v3/files/987654321",
                MultipartBody.builder().text("title", "Mine").build()));
        Exchange json = assertResponseConforms(http().send("PATCH", "/api/v3/files/" + file, "application/json",
                "{\"title\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        Exchange anonymous = assertResponseConforms(http().withKey(null).patchMultipart("/api/v3/files/" + file,
                MultipartBody.builder().text("title", "Mine").build()));

        assertThat(List.of(badTag.status(), blankTitle.status(), forbidden.status(), unknown.status(), json.status(),
                anonymous.status())).containsExactly(400, 400, 403, 404, 415, 401);
    }

    @Test
    void deleteAnswersConform() {
        long file = newFile(null);
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());

        Exchange deleted = assertConforms(http().delete("/api/v3/files/" + file));
        Exchange again = assertConforms(http().delete("/api/v3/files/" + file));
        Exchange forbidden = assertConforms(http().delete("/api/v3/files/" + readOnly));

        assertThat(List.of(deleted.status(), again.status(), forbidden.status())).containsExactly(204, 404, 403);
        assertThat(deleted.responseBody()).isEmpty();
    }

    @Test
    void bulkDeleteAnswersConform() {
        long a = newFile(null);
        long b = newFile(null);
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());

        Exchange deleted = assertConforms(http().postJson("/api/v3/files/bulk-delete", "{\"ids\": [" + a + ", " + b + "]}"));
        Exchange unknown = assertConforms(http().postJson("/api/v3/files/bulk-delete", "{\"ids\": [" + a + "]}"));
        Exchange forbidden = assertConforms(http().postJson("/api/v3/files/bulk-delete", "{\"ids\": [" + readOnly + "]}"));
        Exchange empty = assertResponseConforms(http().postJson("/api/v3/files/bulk-delete", "{\"ids\": []}"));
        Exchange form = assertResponseConforms(http().postForm("/api/v3/files/bulk-delete", Map.of("ids", a)));

        assertThat(List.of(deleted.status(), unknown.status(), forbidden.status(), empty.status(), form.status()))
                .containsExactly(200, 404, 403, 400, 415);
        assertThat(Json.of(deleted).get("deleted").asInt()).isEqualTo(2);
    }

    @Test
    void removeTagAnswersConform() {
        long file = newFile(null);
        long tag = EMULATOR.tagIds().get(0);

        Exchange removed = assertConforms(http().delete("/api/v3/files/" + file + "/tags/" + tag));
        Exchange notThere = assertConforms(http().delete("/api/v3/files/" + file + "/tags/" + tag));

        assertThat(List.of(removed.status(), notThere.status())).containsExactly(204, 404);
    }

    @Test
    void tagListAndCreationConform() {
        String name = "Contract " + UUID.randomUUID();
        String viewerKey = EMULATOR.createApiKey(Map.of(EMULATOR.workspaceId(), WorkspaceRole.VIEWER));

        Exchange listed = assertConforms(http().get("/api/v3/tags", Map.of("page_size", 2)));
        Exchange created = assertConforms(http().postJson("/api/v3/tags",
                "{\"name\": \"" + name + "\", \"description\": \"d\", \"auto_assign\": false}"));
        Exchange createdFromForm = assertConforms(http().postForm("/api/v3/tags", Map.of("name", name + " (form)")));
        Exchange duplicate = assertConforms(http().postJson("/api/v3/tags", "{\"name\": \"" + name + "\"}"));
        Exchange viewer = assertConforms(http().withKey(viewerKey).postJson("/api/v3/tags", "{\"name\": \"v\"}"));
        Exchange xml = assertResponseConforms(http().post("/api/v3/tags", "application/xml",
                "<tag/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(List.of(listed.status(), created.status(), createdFromForm.status(), duplicate.status(),
                viewer.status(), xml.status())).containsExactly(200, 201, 201, 400, 403, 415);
    }
}
