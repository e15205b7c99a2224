package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTest {

    /** Sends off-contract requests on purpose, to see the emulator refuse them: only its answers are refereed. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    private static final byte[] PDF = "%PDF-1.4 quarterly numbers".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void uploadAnswers201WithThePendingDocument() throws Exception {
        ApiTestClient.Reply reply = api.upload("document.pdf", PDF).workspace(EMULATOR.workspaceId()).send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("id").asLong()).isPositive();
        assertThat(body.get("filename").asText()).isEqualTo("document.pdf");
        assertThat(body.get("title").asText()).isEqualTo("document");
        assertThat(body.get("extension").asText()).isEqualTo("pdf");
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("status_vision").isNull()).isTrue();
        assertThat(body.get("workspace").get("id").asLong()).isEqualTo(EMULATOR.workspaceId());
        assertThat(body.get("workspace").get("workspace_type").asText()).isEqualTo("custom");
        assertThat(body.get("summaries").isArray()).isTrue();
        assertThat(body.get("tags").isEmpty()).isTrue();
        assertThat(body.get("total_pages").asInt()).isZero();
        assertThat(body.get("created_by").get("username").asText()).isNotBlank();
        assertThat(body.get("upload_session_uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(body.get("external_metadata").isNull()).isTrue();
        assertThat(body.get("message").asText()).isEqualTo("File queued for processing");
        assertThat(body.get("created_at").asText()).isEqualTo("2025-01-01T00:00:00.000000Z");
        assertThat(body.get("updated_at").asText()).isEqualTo(body.get("created_at").asText());

        StoredFile stored = EMULATOR.storedFiles(EMULATOR.workspaceId()).get(0);
        assertThat(stored.id()).isEqualTo(body.get("id").asLong());
        assertThat(stored.size()).isEqualTo(PDF.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
    }

    @Test
    void titleAndFilenameCanBeOverridden() {
        JsonNode body = api.upload("upload.bin", PDF).workspace(EMULATOR.workspaceId())
                .field("filename", "Q4_Report_2025.pdf").field("title", "Q4 Financial Report").send().json();

        assertThat(body.get("filename").asText()).isEqualTo("Q4_Report_2025.pdf");
        assertThat(body.get("extension").asText()).isEqualTo("pdf");
        assertThat(body.get("title").asText()).isEqualTo("Q4 Financial Report");
    }

    @Test
    void tagsAreAcceptedAsRepeatedFields() {
        List<Long> tags = EMULATOR.tagIds();
        JsonNode body = api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId())
                .field("tags", tags.get(0)).field("tags", tags.get(1)).send().json();

        assertThat(body.get("tags").findValuesAsText("id")).containsExactly(tags.get(0) + "", tags.get(1) + "");
        assertThat(body.get("tags").get(0).get("auto_assigned").asBoolean()).isFalse();
        assertThat(body.get("tags").get(0).get("name").asText()).isNotBlank();
    }

    @Test
    void tagsAreAcceptedAsJsonArrayString() {
        List<Long> tags = EMULATOR.tagIds();
        ApiTestClient.Reply reply = api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId())
                .field("tags", "[" + tags.get(1) + "," + tags.get(2) + "]").send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).containsExactly(tags.get(1), tags.get(2));
    }

    @Test
    void unknownOrForeignTagsStoreTheDocumentWithoutTagsAnd207() {
        ApiTestClient.Reply reply = api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId())
                .field("tags", EMULATOR.tagIds().get(0)).field("tags", 999_999).field("tags", EMULATOR.foreignTagId())
                .send();

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().get("message").asText())
                .contains("tag assignment failed").contains("999999").contains(String.valueOf(EMULATOR.foreignTagId()))
                .doesNotContain(String.valueOf(EMULATOR.tagIds().get(0)));
        assertThat(reply.json().get("tags").isEmpty()).isTrue();
        assertThat(EMULATOR.storedFiles()).singleElement().satisfies(f -> assertThat(f.tagIds()).isEmpty());
    }

    @Test
    void externalMetadataIsEchoedAndStored() {
        String metadata = "{\"external_id\":\"SRV-456789\",\"doc_type\":\"incident\","
                + "\"additional_metadata\":{\"external_url\":\"https://example.com/SRV-456789\"}}";
        JsonNode body = api.upload("SRV-456789.pdf", PDF).workspace(EMULATOR.workspaceId())
                .field("external_metadata", metadata).send().json();

        assertThat(body.get("external_metadata").get("external_id").asText()).isEqualTo("SRV-456789");
        assertThat(body.get("external_metadata").get("doc_type").asText()).isEqualTo("incident");
        assertThat(body.get("external_metadata").get("additional_metadata").get("external_url").asText())
                .isEqualTo("https://example.com/SRV-456789");
        assertThat(EMULATOR.storedFiles().get(0).externalId()).isEqualTo("SRV-456789");
    }

    @Test
    void theOnlyAcceptedParserIsV221() {
        assertThat(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).field("parser", "v2.2.1").send().status())
                .isEqualTo(201);
        assertValidationError(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).field("parser", "v9").send(),
                "parser");
    }

    @Test
    void textFilesKeepTheirTextAsParsedContent() {
        long id = api.upload("notes.md", "# Minutes".getBytes(StandardCharsets.UTF_8)).workspace(EMULATOR.workspaceId())
                .field("filename", "renamed.md").send().json().get("id").asLong();
        long pdf = upload().send().json().get("id").asLong();
        EMULATOR.completeAll();

        assertThat(api.get("/api/v3/files/" + id + "?include_content=true").json().get("content").asText())
                .isEqualTo("# Minutes");
        assertThat(api.get("/api/v3/files/" + pdf + "?include_content=true").json().get("content").asText())
                .contains("a.pdf");
    }

    @Test
    void missingFileIs400() {
        assertValidationError(api.upload(null, null).workspace(EMULATOR.workspaceId()).send(), "file");
    }

    @Test
    void aFileFieldThatIsNotAFileIs400() {
        assertValidationError(api.upload(null, null).field("file", "just text").workspace(EMULATOR.workspaceId()).send(),
                "file");
    }

    @Test
    void emptyFileIs400() {
        assertValidationError(api.upload("empty.pdf", new byte[0]).workspace(EMULATOR.workspaceId()).send(), "empty");
    }

    @Test
    void missingWorkspaceIs400() {
        assertValidationError(api.upload("a.pdf", PDF).send(), "workspace_id");
    }

    @Test
    void nonIntegerWorkspaceIs400() {
        assertValidationError(api.upload("a.pdf", PDF).field("workspace_id", "forty-two").send(), "workspace_id");
    }

    @Test
    void unknownWorkspaceIs400() {
        assertValidationError(api.upload("a.pdf", PDF).workspace(987_654).send(), "987654");
    }

    @Test
    void invalidTagValuesAre400() {
        assertValidationError(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).field("tags", "one").send(), "tags");
        assertValidationError(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).field("tags", "1,2").send(), "tags");
        assertValidationError(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).field("tags", "[1,").send(), "tags");
        assertValidationError(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).field("tags", "[1.5]").send(), "tags");
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void externalMetadataMustBeJsonWithAnExternalId() {
        assertValidationError(upload().field("external_metadata", "external_id=X").send(), "external_metadata");
        assertValidationError(upload().field("external_metadata", "[\"X\"]").send(), "external_metadata");
        assertValidationError(upload().field("external_metadata", "{\"doc_type\":\"incident\"}").send(), "external_id");
        assertValidationError(upload().field("external_metadata", "{\"external_id\":\"\"}").send(), "external_id");
        assertValidationError(upload().field("external_metadata", "{\"external_id\":42}").send(), "external_id");
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void titleLongerThan255CharactersIs400() {
        assertValidationError(upload().field("title", "t".repeat(256)).send(), "title");
        assertThat(upload().field("title", "t".repeat(255)).send().status()).isEqualTo(201);
    }

    @Test
    void withoutKeyIs401() {
        try (ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null)) {
            ApiTestClient.Reply reply = anonymous.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send();
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("detail").asText()).contains("not provided");
        }
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void wrongKeyIs401() {
        try (ApiTestClient intruder = new ApiTestClient(EMULATOR.baseUrl(), "not-the-key")) {
            ApiTestClient.Reply reply = intruder.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send();
            assertThat(reply.status()).isEqualTo(401);
            assertErrorBody(reply.json());
        }
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void readOnlyAndForeignWorkspacesAre403() {
        assertThat(api.upload("a.pdf", PDF).workspace(EMULATOR.readOnlyWorkspaceId()).send().status()).isEqualTo(403);
        ApiTestClient.Reply foreign = api.upload("a.pdf", PDF).workspace(EMULATOR.foreignWorkspaceId()).send();
        assertThat(foreign.status()).isEqualTo(403);
        assertErrorBody(foreign.json());
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void createdWorkspacesAreWritable() {
        long workspaceId = EMULATOR.createWorkspace("Contracts");
        long tagId = EMULATOR.createTag("Contracts");

        ApiTestClient.Reply reply = api.upload("a.pdf", PDF).workspace(workspaceId).field("tags", tagId).send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(EMULATOR.storedFiles(workspaceId)).singleElement()
                .satisfies(f -> assertThat(f.tagIds()).containsExactly(tagId));
    }

    @Test
    void uploadThatIsNotMultipartIs415() {
        ApiTestClient.Reply reply = api.postJson("/api/v3/files", "{\"workspace_id\": 1}");
        assertThat(reply.status()).isEqualTo(415);
        assertErrorBody(reply.json());
    }

    @Test
    void formUrlEncodedUploadCannotCarryAFile() {
        ApiTestClient.Reply reply = api.postForm("/api/v3/files",
                java.util.Map.of("workspace_id", List.of(String.valueOf(EMULATOR.workspaceId()))));
        assertValidationError(reply, "file");
    }

    @Test
    void fileOverTheMaximumSizeIs413() {
        try (ParadigmEmulator small = ParadigmEmulator.builder().maxFileSize(1024).build().start();
             ApiTestClient client = ApiTestClient.of(small)) {
            ApiTestClient.Reply atLimit = client.upload("a.pdf", new byte[1024]).workspace(small.workspaceId()).send();
            ApiTestClient.Reply over = client.upload("b.pdf", new byte[1025]).workspace(small.workspaceId()).send();

            assertThat(atLimit.status()).isEqualTo(201);
            assertThat(over.status()).isEqualTo(413);
            assertErrorBody(over.json());
            assertThat(over.json().get("detail").asText()).contains("1024");
            assertThat(small.storedFiles()).hasSize(1);
        }
    }

    @Test
    void bodyDeclaredLargerThanTheMaximumIs413ThatAClientStillSendingCanRead() {
        // answered from the headers, then the rest is read and discarded (as nginx's lingering close does):
        // closing at once would reset the connection under a client still sending, which never sees the 413
        try (ParadigmEmulator small = ParadigmEmulator.builder().maxFileSize(1024).build().start();
             ApiTestClient client = ApiTestClient.of(small)) {
            byte[] thirtyTwoMegabytes = new byte[32 * 1024 * 1024];
            ApiTestClient.Reply over = client.upload("big.pdf", thirtyTwoMegabytes).workspace(small.workspaceId()).send();

            assertThat(over.status()).isEqualTo(413);
            assertThat(over.json().get("code").asText()).isEqualTo("file_too_large");
            assertThat(over.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(small.storedFiles()).isEmpty();
        }
    }

    @Test
    void aBodyTheParserGaveUpOnIs400WithConnectionCloseAndTheNextUploadSucceeds() {
        MultipartEntityBuilder tooManyParts = MultipartEntityBuilder.create()
                .addTextBody("workspace_id", String.valueOf(EMULATOR.workspaceId()));
        for (int i = 0; i < UploadEndpoint.MAX_FORM_FIELDS + UploadEndpoint.MAX_FORM_FILES + 50; i++) {
            tooManyParts.addTextBody("tags", String.valueOf(EMULATOR.tagIds().get(0)));
        }
        // the parser gives up past its limit of parts and leaves the file after them unread
        tooManyParts.addBinaryBody("file", new byte[4 * 1024 * 1024], ContentType.APPLICATION_OCTET_STREAM, "a.pdf");
        ApiTestClient.Reply refused = api.postMultipart("/api/v3/files", tooManyParts.build());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Connection")).as("the server closes: it must say so").isEqualToIgnoringCase("close");
        assertThat(upload().send().status()).as("the next upload, on the same client").isEqualTo(201);
    }

    @Test
    void chunkedBodyGoingOverTheMaximumIs413() {
        try (ParadigmEmulator small = ParadigmEmulator.builder().maxFileSize(1024).build().start();
             ApiTestClient client = ApiTestClient.of(small)) {
            var entity = MultipartEntityBuilder.create()
                    .addTextBody("workspace_id", String.valueOf(small.workspaceId()))
                    .addPart("file", new org.apache.hc.client5.http.entity.mime.InputStreamBody(
                            new java.io.ByteArrayInputStream(new byte[64 * 1024]), ContentType.APPLICATION_OCTET_STREAM, "a.pdf"))
                    .build();
            assertThat(entity.getContentLength()).as("sent chunked").isNegative();

            ApiTestClient.Reply over = client.postMultipart("/api/v3/files", entity);

            assertThat(over.status()).isEqualTo(413);
            assertThat(over.json().get("code").asText()).isEqualTo("file_too_large");
            assertThat(small.storedFiles()).isEmpty();
        }
    }

    @Test
    void uploadsCloseTogetherShareASessionAndLaterOnesStartANewOne() {
        String first = upload().send().json().get("upload_session_uuid").asText();
        EMULATOR.advance(Duration.ofSeconds(59));
        String second = upload().send().json().get("upload_session_uuid").asText();
        EMULATOR.advance(Duration.ofSeconds(60));
        String third = upload().send().json().get("upload_session_uuid").asText();

        assertThat(second).isEqualTo(first);
        assertThat(third).isNotEqualTo(first);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::uploadSessionUuid).containsExactly(first, first, third);
    }

    @Test
    void createdAtIsDistinctForUploadsAtTheSameClockTime() {
        String first = upload().send().json().get("created_at").asText();
        String second = upload().send().json().get("created_at").asText();

        assertThat(first).isEqualTo("2025-01-01T00:00:00.000000Z");
        assertThat(second).isEqualTo("2025-01-01T00:00:00.000001Z");
        assertThat(EMULATOR.now()).isEqualTo("2025-01-01T00:00:00.000001Z");
    }

    @Test
    void multipartWithFieldsInAnyOrderIsAccepted() {
        var entity = MultipartEntityBuilder.create()
                .addTextBody("workspace_id", String.valueOf(EMULATOR.workspaceId()))
                .addTextBody("title", "Été 2025 — résumé", ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                .addBinaryBody("file", PDF, ContentType.create("application/pdf"), "ete.pdf")
                .build();
        JsonNode body = api.postMultipart("/api/v3/files", entity).json();
        assertThat(body.get("title").asText()).isEqualTo("Été 2025 — résumé");
    }

    private ApiTestClient.Upload upload() {
        return api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId());
    }

    private static void assertValidationError(ApiTestClient.Reply reply, String detailMentions) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode body = reply.json();
        assertErrorBody(body);
        assertThat(body.get("detail").asText()).containsIgnoringCase(detailMentions);
    }

    static void assertErrorBody(JsonNode body) {
        assertThat(body.get("id").asText()).isNotBlank();
        assertThat(body.get("code").asText()).isNotBlank();
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(body.get("doc_url").asText()).startsWith("https://");
    }
}
