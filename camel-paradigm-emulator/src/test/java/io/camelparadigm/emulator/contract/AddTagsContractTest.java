package io.camelparadigm.emulator.contract;

import static io.camelparadigm.emulator.contract.ParadigmContract.assertConforms;
import static io.camelparadigm.emulator.contract.ParadigmContract.assertResponseConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.ContractChecks;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer of {@code POST /api/v3/files/{id}/tags}, in its three body encodings, against the contract. */
class AddTagsContractTest {

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

    private static String tagsOf(long fileId) {
        return "/api/v3/files/" + fileId + "/tags";
    }

    private static long newFile() {
        Exchange upload = http().postMultipart("/api/v3/files", MultipartBody.builder()
                .file("file", "tagged.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))
                .text("workspace_id", EMULATOR.workspaceId())
                .build());
        assertThat(upload.status()).as("%s", upload).isEqualTo(201);
        return Json.of(upload).get("id").asLong();
    }

    @Test
    void answerToAJsonBodyConforms() {
        List<Long> tags = EMULATOR.tagIds();

        Exchange added = assertConforms(http().postJson(tagsOf(newFile()),
                "{\"tags\": [" + tags.get(0) + ", " + tags.get(1) + "]}"));

        assertThat(added.status()).isEqualTo(200);
        assertThat(Json.of(added).get("tags")).hasSize(2);
    }

    @Test
    void answerToAFormBodyWithRepeatedTagsConforms() {
        List<Long> tags = EMULATOR.tagIds();

        Exchange added = assertConforms(http().postForm(tagsOf(newFile()), Map.of("tags", tags.subList(0, 2))));

        assertThat(added.status()).isEqualTo(200);
        assertThat(Json.of(added).get("tags")).hasSize(2);
    }

    @Test
    void answerToAMultipartBodyConforms() {
        MultipartBody body = MultipartBody.builder().text("tags", EMULATOR.tagIds().get(2)).build();

        Exchange added = assertConforms(http().postMultipart(tagsOf(newFile()), body));

        assertThat(added.status()).isEqualTo(200);
        assertThat(Json.of(added).get("tags")).hasSize(1);
    }

    @Test
    void answerToTagsTheFileAlreadyHasConforms() {
        long file = newFile();
        String body = "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}";
        assertConforms(http().postJson(tagsOf(file), body));

        Exchange again = assertConforms(http().postJson(tagsOf(file), body));

        assertThat(again.status()).isEqualTo(200);
        assertThat(Json.of(again).get("tags")).hasSize(1);
    }

    @Test
    void badRequestAnswersConform() {
        long file = newFile();

        Exchange foreignTag = assertConforms(http().postJson(tagsOf(file), "{\"tags\": [" + EMULATOR.foreignTagId() + "]}"));
        Exchange noTags = assertResponseConforms(http().postJson(tagsOf(file), "{\"tags\": []}"));
        Exchange notJson = assertResponseConforms(http().postJson(tagsOf(file), "{\"tags\": "));

        assertThat(List.of(foreignTag.status(), noTags.status(), notJson.status())).containsOnly(400);
    }

    @Test
    void forbiddenAnswerForAFileInAWorkspaceTheKeyOnlyViewsConforms() {
        long readOnlyFile = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());

        Exchange added = assertConforms(http().postJson(tagsOf(readOnlyFile), "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}"));

        assertThat(added.status()).isEqualTo(403);
    }

    @Test
    void notFoundAnswerConforms() {
        Exchange added = assertConforms(http().postJson(tagsOf(987_654_321L), "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}"));

        assertThat(added.status()).isEqualTo(404);
    }

    @Test
    void unsupportedMediaTypeAnswerConforms() {
        Exchange added = assertResponseConforms(http().post(tagsOf(newFile()), "text/plain",
                "tags=1".getBytes(StandardCharsets.US_ASCII)));

        assertThat(added.status()).isEqualTo(415);
    }

    @Test
    void unauthorizedRateLimitedAndMaintenanceAnswersConform() {
        long file = newFile();
        String body = "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}";

        Exchange unauthorized = assertResponseConforms(http().withKey("not-a-key").postJson(tagsOf(file), body));
        EMULATOR.faults().rateLimitPerMinute(1);
        assertConforms(http().postJson(tagsOf(file), body));
        Exchange limited = assertConforms(http().postJson(tagsOf(file), body));
        EMULATOR.faults().reset().maintenance(Duration.ofMinutes(1));
        Exchange maintenance = assertConforms(http().postJson(tagsOf(file), body));

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(maintenance.status()).isEqualTo(503);
    }
}
