package io.camelparadigm.emulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PATCH} and {@code DELETE /api/v3/files/{id}} and {@code POST /api/v3/files/bulk-delete}. */
class FileChangesTest {

    /** Sends off-contract requests on purpose, to see the emulator refuse them: only its answers are refereed. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    // ---- PATCH

    @Test
    void patchChangesOnlyWhatIsSentReplacingTagsAndMergingMetadata() {
        List<Long> tags = EMULATOR.tagIds();
        long id = upload("report.txt", "v1", "{\"external_id\": \"src-1\", \"doc_type\": \"report\", "
                + "\"additional_metadata\": {\"owner\": \"ops\"}}", tags.get(0));
        EMULATOR.advance(Duration.ofSeconds(3));
        EMULATOR.advance(Duration.ofMinutes(1));

        ApiTestClient.Reply reply = patch(id, multipart().field("title", "Renamed")
                .field("tags", tags.get(1)).field("tags", tags.get(2))
                .json("external_metadata", "{\"additional_metadata\": {\"version\": \"2\"}}"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode file = reply.json();
        assertThat(file.get("id").asLong()).isEqualTo(id);
        assertThat(file.get("title").asText()).isEqualTo("Renamed");
        assertThat(file.get("filename").asText()).isEqualTo("report.txt");
        assertThat(file.get("tags").findValuesAsText("id")).containsExactly(tags.get(1) + "", tags.get(2) + "");
        assertThat(file.get("external_metadata").get("external_id").asText()).isEqualTo("src-1");
        assertThat(file.get("external_metadata").get("doc_type").asText()).isEqualTo("report");
        assertThat(file.get("external_metadata").get("additional_metadata"))
                .isEqualTo(ApiTestClient.MAPPER.createObjectNode().put("version", "2"));
        assertThat(file.get("status").asText()).as("metadata alone is not processed again").isEqualTo("embedded");
        assertThat(file.get("updated_at").asText()).isEqualTo("2025-01-01T00:01:03.000000Z");
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256("v1")));
    }

    @Test
    void aFilePartReplacesTheContentUnderTheSameIdAndProcessingStartsOver() {
        long id = upload("report.txt", "first version", null);
        EMULATOR.advance(Duration.ofSeconds(3));
        assertThat(api.get("/api/v3/files/" + id).json().get("status").asText()).isEqualTo("embedded");
        EMULATOR.advance(Duration.ofMinutes(1));

        ApiTestClient.Reply reply = patch(id, multipart().file("file", "report-v2.md", "second version, longer"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("id").asLong()).isEqualTo(id);
        assertThat(reply.json().get("status").asText()).isEqualTo("pending");
        assertThat(reply.json().get("filename").asText()).isEqualTo("report-v2.md");
        assertThat(reply.json().get("extension").asText()).isEqualTo("md");
        assertThat(reply.json().get("title").asText()).as("the title stays unless sent").isEqualTo("report");
        assertThat(reply.json().get("size").asLong()).isEqualTo(22);
        assertThat(reply.json().get("updated_at").asText()).isEqualTo("2025-01-01T00:01:03.000000Z");
        assertThat(EMULATOR.storedFiles()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(id);
            assertThat(stored.sha256()).isEqualTo(sha256("second version, longer"));
            assertThat(stored.status()).isEqualTo("pending");
        });

        EMULATOR.advance(Duration.ofSeconds(1));
        assertThat(api.get("/api/v3/files/" + id).json().get("status").asText()).isEqualTo("parsing");
        EMULATOR.advance(Duration.ofSeconds(2));
        JsonNode processed = api.get("/api/v3/files/" + id + "?include_content=true").json();
        assertThat(processed.get("status").asText()).isEqualTo("embedded");
        assertThat(processed.get("content").asText()).isEqualTo("second version, longer");
        assertThat(processed.get("updated_at").asText()).isEqualTo("2025-01-01T00:01:06.000000Z");
    }

    @Test
    void aReplacedDocumentIsListedAsChangedSinceItsReplacement() {
        long replaced = upload("a.txt", "one", null);
        long untouched = upload("b.txt", "two", null);
        EMULATOR.advance(Duration.ofMinutes(5));

        assertThat(patch(replaced, multipart().file("file", "a.txt", "one, edited")).status()).isEqualTo(200);

        JsonNode changed = api.get("/api/v3/files?updated_at_after=2025-01-01T00:04:00Z").json();
        assertThat(ids(changed)).containsExactly(replaced);
        EMULATOR.advance(Duration.ofSeconds(2));
        JsonNode stillProcessing = api.get("/api/v3/files?updated_at_after=2025-01-01T00:05:01Z").json();
        assertThat(ids(stillProcessing)).as("its new transitions are changes too").containsExactly(replaced);
        assertThat(untouched).isNotEqualTo(replaced);
    }

    @Test
    void aReplacementRunsTheFailureScriptOfItsNewName() {
        EMULATOR.scriptFailure("broken", "parsing_failed", "Unreadable");
        long id = upload("fine.txt", "readable", null);
        EMULATOR.advance(Duration.ofSeconds(3));

        patch(id, multipart().file("file", "broken.txt", "garbage"));
        EMULATOR.advance(Duration.ofSeconds(5));

        JsonNode file = api.get("/api/v3/files/" + id).json();
        assertThat(file.get("status").asText()).isEqualTo("parsing_failed");
        assertThat(file.get("status_detail").asText()).isEqualTo("Unreadable");
    }

    @Test
    void aUrlencodedFormChangesTitleAndTags() {
        long id = upload("a.txt", "x", null, EMULATOR.tagIds().get(0));

        HttpPatch request = new HttpPatch(EMULATOR.baseUrl() + "/api/v3/files/" + id);
        request.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("title", "Urlencoded"),
                new BasicNameValuePair("tags", "[]")), StandardCharsets.UTF_8));
        ApiTestClient.Reply reply = api.send(request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("title").asText()).isEqualTo("Urlencoded");
        assertThat(EMULATOR.storedFiles().get(0).tagIds()).as("tags=[] takes every tag off").isEmpty();
    }

    @Test
    void externalMetadataCanBeGivenOnceToAFileThatHadNoneAndIsThenFound() {
        long id = upload("a.txt", "x", null);

        assertThat(patch(id, multipart().json("external_metadata", "{\"doc_type\": \"memo\"}")).status())
                .as("a file without external metadata needs an external_id").isEqualTo(400);
        assertThat(patch(id, multipart().json("external_metadata", "{\"external_id\": \"late-1\"}")).status())
                .isEqualTo(200);

        JsonNode found = api.get("/api/v3/files?external_metadata__external_id=late-1").json();
        assertThat(ids(found)).containsExactly(id);
    }

    @Test
    void invalidChangesAre400AndChangeNothing() {
        long id = upload("a.txt", "original", "{\"external_id\": \"src-1\"}", EMULATOR.tagIds().get(0));
        EMULATOR.advance(Duration.ofMinutes(1));
        String before = api.get("/api/v3/files/" + id).body();

        List<MultipartForm> refused = List.of(
                multipart().field("title", " ").file("file", "new.txt", "new"),
                multipart().field("title", "x".repeat(256)),
                multipart().field("tags", EMULATOR.tagIds().get(1)).field("tags", EMULATOR.foreignTagId()),
                multipart().field("tags", "not-a-number"),
                multipart().json("external_metadata", "{\"external_id\": \"src-2\"}"),
                multipart().json("external_metadata", "not json"),
                multipart().json("external_metadata", "{\"external_id\": \"src-1\", \"doc_type\": 7}"),
                multipart().field("file", "a text field, not a file"),
                multipart().file("file", "empty.txt", ""));
        for (MultipartForm form : refused) {
            ApiTestClient.Reply reply = patch(id, form);
            assertThat(reply.status()).as(form.describe() + " -> " + reply.body()).isEqualTo(400);
            UploadTest.assertErrorBody(reply.json());
        }
        HttpPatch json = new HttpPatch(EMULATOR.baseUrl() + "/api/v3/files/" + id);
        json.setEntity(new StringEntity("{\"title\": \"x\"}", ContentType.APPLICATION_JSON));
        assertThat(api.send(json).status()).isEqualTo(415);

        assertThat(api.get("/api/v3/files/" + id).body()).isEqualTo(before);
        assertThat(EMULATOR.storedFiles().get(0).sha256()).isEqualTo(sha256("original"));
    }

    /**
     * A chunked body ended cleanly without its closing boundary, as HttpClient ends one whose file it failed to read:
     * Django's parser ends the file part where the body ends, so the content is replaced with what was received.
     */
    @Test
    void aPatchWhoseBodyEndsWithoutItsClosingBoundaryStoresTheBytesReceivedAsDjangoDoes() {
        long id = upload("report.txt", "the whole report", null);
        String cutShort = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.txt\"\r\n"
                          + "Content-Type: application/octet-stream\r\n\r\nthe first half";
        HttpPatch request = new HttpPatch(EMULATOR.baseUrl() + "/api/v3/files/" + id);
        request.setEntity(new InputStreamEntity(new ByteArrayInputStream(cutShort.getBytes(StandardCharsets.UTF_8)),
                -1, ContentType.parse("multipart/form-data; boundary=XyZ")));

        ApiTestClient.Reply reply = api.send(request);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(EMULATOR.storedFiles().get(0).sha256()).isEqualTo(sha256("the first half"));
    }

    @Test
    void anEmptyPatchChangesNothingNotEvenUpdatedAt() {
        long id = upload("a.txt", "x", null);
        EMULATOR.advance(Duration.ofMinutes(1));
        String before = api.get("/api/v3/files/" + id).json().get("updated_at").asText();

        ApiTestClient.Reply reply = patch(id, multipart().field("unknown_field", "ignored"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("updated_at").asText()).isEqualTo(before);
    }

    @Test
    void newContentLargerThanTheLimitIs413AndChangesNothing() {
        try (ParadigmEmulator small = ParadigmEmulator.builder().maxFileSize(16).build().start();
             ApiTestClient client = ApiTestClient.of(small)) {
            long id = client.upload("a.txt", "small".getBytes(StandardCharsets.UTF_8)).workspace(small.workspaceId())
                    .send().json().get("id").asLong();
            HttpPatch request = new HttpPatch(small.baseUrl() + "/api/v3/files/" + id);
            request.setEntity(multipart().file("file", "a.txt", "far more than sixteen bytes").entity());

            ApiTestClient.Reply reply = client.send(request);

            assertThat(reply.status()).isEqualTo(413);
            assertThat(small.storedFiles()).singleElement()
                    .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256("small")));
        }
    }

    @Test
    void patchNeedsAKeyThatMayWriteTheFilesWorkspace() {
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());
        long foreign = EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf").build());
        long owned = EMULATOR.seedFile(SeedFile.builder(EMULATOR.createWorkspace("Owned", WorkspaceRole.OWNER),
                "owned.pdf").build());
        long mine = upload("a.txt", "x", null);
        String viewerKey = EMULATOR.createApiKey(Map.of(EMULATOR.workspaceId(), WorkspaceRole.VIEWER));

        assertThat(patch(readOnly, multipart().field("title", "t")).status()).isEqualTo(403);
        assertThat(patch(foreign, multipart().field("title", "t")).status()).isEqualTo(404);
        assertThat(patch(987_654, multipart().field("title", "t")).status()).isEqualTo(404);
        assertThat(patch(owned, multipart().field("title", "t")).status()).as("owners may write").isEqualTo(200);
        try (ApiTestClient viewer = new ApiTestClient(EMULATOR.baseUrl(), viewerKey);
             ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null)) {
            assertThat(viewer.send(patchRequest(mine, multipart().field("title", "t"))).status()).isEqualTo(403);
            assertThat(anonymous.send(patchRequest(mine, multipart().field("title", "t"))).status()).isEqualTo(401);
        }
        assertThat(EMULATOR.storedFiles()).filteredOn(f -> f.id() != owned).extracting(StoredFile::title)
                .doesNotContain("t");
    }

    @Test
    void aChangeWhoseAnswerIsLostHasTakenEffect() {
        long id = upload("a.txt", "x", null);
        EMULATOR.faults().dropAfterChange(1);

        assertThat(patch(id, multipart().field("title", "Applied")).status()).isEqualTo(-1);

        assertThat(EMULATOR.storedFiles().get(0).title()).isEqualTo("Applied");
        assertThat(EMULATOR.requests()).filteredOn(r -> r.method().equals("PATCH")).singleElement()
                .satisfies(r -> assertThat(r.status()).isZero());
    }

    // ---- DELETE

    @Test
    void deleteAnswers204AndTheFileIsGoneEverywhere() {
        long id = upload("a.txt", "x", "{\"external_id\": \"gone-1\"}");
        long kept = upload("b.txt", "y", null);

        ApiTestClient.Reply reply = api.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/" + id));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Type")).isNull();
        assertThat(api.get("/api/v3/files/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/files?external_metadata__external_id=gone-1").json().get("count").asInt()).isZero();
        assertThat(ids(api.get("/api/v3/files").json())).containsExactly(kept);
        assertThat(ids(api.get("/api/v3/files?workspace_id=" + EMULATOR.workspaceId()).json())).containsExactly(kept);
        String session = EMULATOR.storedFiles().get(0).uploadSessionUuid();
        assertThat(ids(api.get("/api/v3/files?upload_session_uuid=" + session).json())).containsExactly(kept);
        assertThat(ids(api.get("/api/v3/files?updated_at_after=2024-12-31").json())).containsExactly(kept);
        assertThat(api.get("/api/v3/tags").status()).as("counting tags skips the deleted file").isEqualTo(200);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactly(kept);
        assertThat(api.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/" + id)).status())
                .as("a second delete finds nothing").isEqualTo(404);
        assertThat(EMULATOR.requests()).filteredOn(r -> r.method().equals("DELETE")).extracting(RecordedRequest::status)
                .containsExactly(204, 404);
    }

    @Test
    void deleteNeedsAKeyThatMayWriteTheFilesWorkspace() {
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());
        long foreign = EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf").build());
        long mine = upload("a.txt", "x", null);
        String viewerKey = EMULATOR.createApiKey(Map.of(EMULATOR.workspaceId(), WorkspaceRole.VIEWER));

        assertThat(delete(readOnly)).isEqualTo(403);
        assertThat(delete(foreign)).isEqualTo(404);
        assertThat(api.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/abc")).status()).isEqualTo(404);
        try (ApiTestClient viewer = new ApiTestClient(EMULATOR.baseUrl(), viewerKey);
             ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null)) {
            assertThat(viewer.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/" + mine)).status())
                    .isEqualTo(403);
            assertThat(anonymous.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/" + mine)).status())
                    .isEqualTo(401);
        }
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactlyInAnyOrder(readOnly, foreign, mine);
    }

    // ---- bulk delete

    @Test
    void bulkDeleteDeletesEveryFileNamed() {
        long a = upload("a.txt", "a", null);
        long b = upload("b.txt", "b", null);
        long c = upload("c.txt", "c", null);

        ApiTestClient.Reply reply = api.postJson("/api/v3/files/bulk-delete", "{\"ids\": [" + a + ", \"" + b + "\", "
                + a + "]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("deleted").asInt()).isEqualTo(2);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactly(c);
    }

    @Test
    void bulkDeleteIsAllOrNothing() {
        long a = upload("a.txt", "a", null);
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());
        long foreign = EMULATOR.seedFile(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf").build());

        ApiTestClient.Reply unknown = api.postJson("/api/v3/files/bulk-delete", "{\"ids\": [" + a + ", 987654]}");
        ApiTestClient.Reply invisible = api.postJson("/api/v3/files/bulk-delete", "{\"ids\": [" + a + ", " + foreign + "]}");
        ApiTestClient.Reply notWritable = api.postJson("/api/v3/files/bulk-delete",
                "{\"ids\": [" + a + ", " + readOnly + "]}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("987654").doesNotContain(a + ",");
        assertThat(invisible.status()).isEqualTo(404);
        assertThat(invisible.json().get("detail").asText()).contains(foreign + "");
        assertThat(notWritable.status()).isEqualTo(403);
        assertThat(notWritable.json().get("detail").asText()).contains(readOnly + "");
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactlyInAnyOrder(a, readOnly, foreign);
    }

    @Test
    void malformedBulkDeletesAre400Or415() {
        long a = upload("a.txt", "a", null);

        for (String body : List.of("{}", "{\"ids\": []}", "{\"ids\": " + a + "}", "{\"ids\": [\"x\"]}",
                "{\"ids\": [1.5]}", "[" + a + "]", "{\"ids\": [")) {
            ApiTestClient.Reply reply = api.postJson("/api/v3/files/bulk-delete", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            UploadTest.assertErrorBody(reply.json());
        }
        assertThat(api.postForm("/api/v3/files/bulk-delete", Map.of("ids", List.of(a + ""))).status()).isEqualTo(415);
        assertThat(EMULATOR.storedFiles()).hasSize(1);
    }

    @Test
    void filePathsAnswer405ToMethodsTheyDoNotHave() {
        long id = upload("a.txt", "a", null);

        ApiTestClient.Reply post = api.postJson("/api/v3/files/" + id, "{}");

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, PATCH, DELETE");
    }

    // ---- helpers

    /** The ids of a page's files (not those of their workspace or uploader). */
    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("results").forEach(file -> ids.add(file.get("id").asLong()));
        return ids;
    }

    private long upload(String filename, String text, String externalMetadata, Long... tags) {
        ApiTestClient.Upload upload = api.upload(filename, text.getBytes(StandardCharsets.UTF_8))
                .workspace(EMULATOR.workspaceId());
        if (externalMetadata != null) {
            upload.field("external_metadata", externalMetadata);
        }
        for (Long tag : tags) {
            upload.field("tags", tag);
        }
        ApiTestClient.Reply reply = upload.send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asLong();
    }

    private ApiTestClient.Reply patch(long id, MultipartForm form) {
        try {
            return api.send(patchRequest(id, form));
        } catch (java.io.UncheckedIOException dropped) {
            return new ApiTestClient.Reply(-1, Map.of(), "");
        }
    }

    private static HttpPatch patchRequest(long id, MultipartForm form) {
        HttpPatch request = new HttpPatch(EMULATOR.baseUrl() + "/api/v3/files/" + id);
        request.setEntity(form.entity());
        return request;
    }

    private int delete(long id) {
        return api.send(new HttpDelete(EMULATOR.baseUrl() + "/api/v3/files/" + id)).status();
    }

    private static MultipartForm multipart() {
        return new MultipartForm();
    }

    /** A multipart form and a short description of it for assertion messages. */
    static final class MultipartForm {
        private final MultipartEntityBuilder builder = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);
        private final StringBuilder description = new StringBuilder();

        MultipartForm field(String name, Object value) {
            builder.addTextBody(name, String.valueOf(value), ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
            return describe(name, value);
        }

        MultipartForm json(String name, String value) {
            builder.addTextBody(name, value, ContentType.APPLICATION_JSON);
            return describe(name, value);
        }

        MultipartForm file(String name, String filename, String content) {
            builder.addBinaryBody(name, content.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_OCTET_STREAM,
                    filename);
            return describe(name, "file " + filename);
        }

        org.apache.hc.core5.http.HttpEntity entity() {
            return builder.build();
        }

        String describe() {
            return description.toString();
        }

        private MultipartForm describe(String name, Object value) {
            String text = String.valueOf(value);
            description.append(name).append('=').append(text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    .append(' ');
            return this;
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
