package io.camelparadigm.emulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.ObservedExchange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proves the contract checks are not vacuous: messages built here, broken in one known way each, are
 * rejected, while the shapes the real service sends (nulls included) are accepted.
 */
class ValidatorsRejectBrokenMessagesContractTest {

    private static final JsonContractValidator JSON = ParadigmContract.JSON;
    private static final FormContractValidator FORMS = ParadigmContract.FORMS;

    /** Shaped like the vendor's own upload example, with the nulls the service really sends. */
    private static final String UPLOADED = """
            {"id": 12345, "filename": "document.pdf",
             "workspace": {"id": 42, "name": "My Workspace", "workspace_type": "custom"},
             "summaries": [], "title": "document", "extension": "pdf", "status": "pending",
             "status_vision": null, "created_at": "2025-03-01T10:30:00Z", "updated_at": "2025-03-01T10:30:00.123456Z",
             "total_pages": 0, "tags": [{"id": 1, "name": "Compliance", "auto_assigned": false}],
             "created_by": {"id": 42, "first_name": "Jane", "last_name": "Doe", "username": "jdoe"},
             "upload_session_uuid": "550e8400-e29b-41d4-a716-446655440000",
             "external_metadata": null, "message": "File queued for processing"}
            """;

    private static List<String> uploadAnswer(int status, String body) {
        return JSON.responseViolations("POST", "/api/v3/files", status, "application/json", body);
    }

    @Nested
    class JsonAnswers {

        @Test
        void acceptsTheUploadAnswerTheServiceSendsWithItsNulls() {
            assertThat(uploadAnswer(201, UPLOADED)).isEmpty();
        }

        @Test
        void rejectsAFileIdSentAsAString() {
            assertThat(uploadAnswer(201, UPLOADED.replace("\"id\": 12345", "\"id\": \"12345\"")))
                    .anySatisfy(violation -> assertThat(violation).contains("/id"));
        }

        @Test
        void rejectsAFileWithoutItsStatus() {
            assertThat(uploadAnswer(201, UPLOADED.replace("\"status\": \"pending\",", "")))
                    .anySatisfy(violation -> assertThat(violation).contains("status"));
        }

        @Test
        void rejectsAStatusTheServiceDoesNotHave() {
            assertThat(uploadAnswer(201, UPLOADED.replace("\"status\": \"pending\"", "\"status\": \"failed\"")))
                    .anySatisfy(violation -> assertThat(violation).contains("failed"));
        }

        @Test
        void rejectsAWrongTypeInsideANullableObject() {
            assertThat(uploadAnswer(201, UPLOADED.replace("{\"id\": 42, \"name\": \"My Workspace\"",
                    "{\"id\": \"42\", \"name\": \"My Workspace\"")))
                    .anySatisfy(violation -> assertThat(violation).contains("/workspace/id"));
        }

        @Test
        void rejectsAFieldTheContractDoesNotDeclare() {
            assertThat(uploadAnswer(201, UPLOADED.replace("\"status\": \"pending\",",
                    "\"status\": \"pending\", \"statusVision\": \"pending\",")))
                    .anySatisfy(violation -> assertThat(violation).contains("statusVision"));
        }

        @Test
        void rejectsATagWithoutAutoAssigned() {
            assertThat(uploadAnswer(201, UPLOADED.replace(", \"auto_assigned\": false", "")))
                    .anySatisfy(violation -> assertThat(violation).contains("auto_assigned"));
        }

        @Test
        void rejectsAnUploadAnswerWithoutMessage() {
            assertThat(uploadAnswer(207, UPLOADED.replace(", \"message\": \"File queued for processing\"", "")))
                    .anySatisfy(violation -> assertThat(violation).contains("message"));
        }

        @Test
        void rejectsExternalMetadataWithoutExternalId() {
            assertThat(uploadAnswer(201, UPLOADED.replace("\"external_metadata\": null",
                    "\"external_metadata\": {\"doc_type\": \"incident\"}")))
                    .anySatisfy(violation -> assertThat(violation).contains("external_id"));
        }

        @Test
        void rejectsATimestampThatIsNotADateTime() {
            assertThat(uploadAnswer(201, UPLOADED.replace("\"2025-03-01T10:30:00Z\"", "\"01/03/2025 10:30\"")))
                    .anySatisfy(violation -> assertThat(violation).contains("created_at"));
        }

        @Test
        void rejectsTheVendorsListExampleWhereResultsAreNestedInASecondArray() {
            String file = UPLOADED.replace(", \"message\": \"File queued for processing\"", "");
            String flat = "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [" + file + "]}";
            String nested = "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [[" + file + "]]}";

            assertThat(JSON.responseViolations("GET", "/api/v3/files", 200, "application/json", flat)).isEmpty();
            assertThat(JSON.responseViolations("GET", "/api/v3/files", 200, "application/json", nested))
                    .isNotEmpty();
        }

        @Test
        void rejectsAPageWithoutNext() {
            assertThat(JSON.responseViolations("GET", "/api/v3/workspaces", 200, "application/json",
                    "{\"count\": 0, \"previous\": null, \"results\": []}"))
                    .anySatisfy(violation -> assertThat(violation).contains("next"));
        }

        @Test
        void rejectsAnErrorWithoutDetail() {
            assertThat(JSON.responseViolations("GET", "/api/v3/files/7", 404, "application/json",
                    "{\"code\": \"not_found\", \"error\": \"not_found\"}"))
                    .anySatisfy(violation -> assertThat(violation).contains("detail"));
        }

        @Test
        void rejectsATooManyRequestsAnswerWithoutRetryAfter() {
            String error = "{\"code\": \"throttled\", \"error\": \"too_many_requests\", \"detail\": \"slow down\"}";

            assertThat(JSON.responseViolations("GET", "/api/v3/files", 429, "application/json", error,
                    "Retry-After", "1")).isEmpty();
            assertThat(JSON.responseViolations("GET", "/api/v3/files", 429, "application/json", error))
                    .anySatisfy(violation -> assertThat(violation).contains("Retry-After"));
        }

        @Test
        void rejectsAStatusCodeTheContractDoesNotList() {
            assertThat(JSON.responseViolations("GET", "/api/v3/files/7", 418, "application/json",
                    "{\"code\": \"teapot\", \"error\": \"teapot\", \"detail\": \"no\"}"))
                    .isNotEmpty();
        }

        @Test
        void rejectsAnAnswerThatIsNotJson() {
            assertThat(JSON.responseViolations("GET", "/api/v3/files/7", 200, "application/json", "{\"id\": 7,"))
                    .isNotEmpty();
        }
    }

    @Nested
    class JsonAndQueryRequests {

        private ObservedExchange observed(String method, String pathAndQuery, String contentType, String body,
                                          boolean withKey) {
            return request(method, pathAndQuery, contentType, body, withKey).observed();
        }

        private Exchange request(String method, String pathAndQuery, String contentType, String body, boolean withKey) {
            Map<String, List<String>> headers = new HashMap<>();
            if (contentType != null) {
                headers.put("Content-Type", List.of(contentType));
            }
            if (withKey) {
                headers.put("Authorization", List.of("Bearer k"));
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            return new Exchange(method, URI.create("http://127.0.0.1:1" + pathAndQuery),
                    HttpHeaders.of(headers, (name, value) -> true), bytes,
                    200, HttpHeaders.of(Map.of(), (name, value) -> true), new byte[0]);
        }

        @Test
        void acceptsAWellFormedListingQueryAndTagsBody() {
            assertThat(JSON.requestViolations(observed("GET",
                    "/api/v3/files?status=embedded,fail&ordering=-title&page=2&created_at_after=2024-01-01", null, null, true)))
                    .isEmpty();
            assertThat(JSON.requestViolations(observed("POST", "/api/v3/files/7/tags", "application/json",
                    "{\"tags\": [1, 2]}", true))).isEmpty();
        }

        @Test
        void rejectsAnOrderingTheServiceDoesNotOffer() {
            assertThat(JSON.requestViolations(observed("GET", "/api/v3/files?ordering=size", null, null, true)))
                    .anySatisfy(violation -> assertThat(violation).contains("\"size\""));
        }

        @Test
        void rejectsAQueryParameterTheContractDoesNotKnow() {
            assertThat(JSON.requestViolations(observed("GET", "/api/v3/files?colour=red", null, null, true)))
                    .anySatisfy(violation -> assertThat(violation).contains("colour"));
        }

        @Test
        void rejectsARequestWithoutBearerKey() {
            assertThat(JSON.requestViolations(observed("GET", "/api/v3/workspaces", null, null, false)))
                    .anySatisfy(violation -> assertThat(violation).contains("security"));
        }

        @Test
        void rejectsTagIdsSentAsStrings() {
            assertThat(JSON.requestViolations(observed("POST", "/api/v3/files/7/tags", "application/json",
                    "{\"tags\": [\"legal\"]}", true)))
                    .anySatisfy(violation -> assertThat(violation).contains("/tags/0"));
        }

        @Test
        void rejectsAnEmptyTagList() {
            assertThat(JSON.requestViolations(observed("POST", "/api/v3/files/7/tags", "application/json",
                    "{\"tags\": []}", true)))
                    .anySatisfy(violation -> assertThat(violation).contains("tags"));
        }

        @Test
        void rejectsAFormTagThatIsNotANumber() {
            assertThat(FORMS.requestViolations(observed("POST", "/api/v3/files/7/tags",
                    "application/x-www-form-urlencoded", "tags=1&tags=legal", true)))
                    .anySatisfy(violation -> assertThat(violation).contains("tags"));
        }
    }

    @Nested
    class MultipartUploads {

        private static final String URL = "http://127.0.0.1:1/api/v3/files";

        private List<String> violations(MultipartBody body) {
            return FORMS.requestViolations("POST", URL, body.contentType(), body.bytes(), "Bearer k");
        }

        private MultipartBody.Builder document() {
            return MultipartBody.builder().file("file", "report.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII));
        }

        @Test
        void acceptsAnUploadWithEveryField() {
            assertThat(violations(document().text("workspace_id", 42).text("title", "Q4").text("filename", "q4.pdf")
                    .text("parser", "v2.2.1").text("tags", 1).text("tags", 2)
                    .json("external_metadata", "{\"external_id\": \"SRV-1\", \"doc_type\": \"incident\"}")
                    .build())).isEmpty();
        }

        @Test
        void acceptsTagsAsOneJsonArrayPart() {
            assertThat(violations(document().text("workspace_id", 42).json("tags", "[1,2]").build())).isEmpty();
        }

        @Test
        void rejectsAnUploadWithoutWorkspaceId() {
            assertThat(violations(document().build()))
                    .anySatisfy(violation -> assertThat(violation).contains("workspace_id"));
        }

        @Test
        void rejectsAnUploadWithoutFile() {
            assertThat(violations(MultipartBody.builder().text("workspace_id", 42).build()))
                    .anySatisfy(violation -> assertThat(violation).contains("file"));
        }

        @Test
        void rejectsAWorkspaceIdThatIsNotANumber() {
            assertThat(violations(document().text("workspace_id", "forty-two").build()))
                    .anySatisfy(violation -> assertThat(violation).contains("workspace_id"));
        }

        @Test
        void rejectsATagThatIsNotANumber() {
            assertThat(violations(document().text("workspace_id", 42).text("tags", "legal").build()))
                    .anySatisfy(violation -> assertThat(violation).contains("tags"));
        }

        @Test
        void rejectsExternalMetadataWithoutExternalId() {
            assertThat(violations(document().text("workspace_id", 42)
                    .json("external_metadata", "{\"doc_type\": \"incident\"}").build()))
                    .anySatisfy(violation -> assertThat(violation).contains("external_id"));
        }
    }
}
