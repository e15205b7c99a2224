package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.contract.ContractReferee;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension referees every exchange against the contract: a test during which a request or an answer broke it
 * fails, the test that broke it and no other.
 */
class ContractRefereeTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().build();

    private static final ContractReferee REFEREE = new ContractReferee(true);

    @BeforeEach
    void emptyEmulator() {
        EMULATOR.reset();
    }

    @Test
    void theTestThatSendsAnOffContractRequestFailsAndTheNextOneDoesNot() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(RefereedSample.class))
                .execute().testEvents().assertStatistics(stats -> stats.succeeded(2).failed(1))
                .failed().list();

        String failure = failures.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow().getMessage();
        assertThat(failure).contains("The Paradigm contract was broken during sendsAFilterTheApiDoesNotHave()")
                .contains("GET /api/v3/files?colour=red -> 200").contains("colour");
        assertThat(failures.get(0).getTestDescriptor().getDisplayName()).isEqualTo("sendsAFilterTheApiDoesNotHave()");
    }

    @Test
    void answersOnlyLetsATestSendOffContractRequestsOnPurpose() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(AnswersOnlySample.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    /** What the component sends: HttpClient's text parts with a charset, a JSON part, repeated tags. */
    @Test
    void anUploadTheWayHttpClientWritesItConforms() {
        HttpPost post = new HttpPost(EMULATOR.baseUrl() + "/api/v3/files");
        post.setEntity(MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
                .setCharset(StandardCharsets.UTF_8)
                .addBinaryBody("file", "numbers".getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_OCTET_STREAM,
                        "résumé été.txt")
                .addTextBody("workspace_id", Long.toString(EMULATOR.workspaceId()),
                        ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                .addTextBody("title", "Résumé d'été", ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                .addTextBody("tags", Long.toString(EMULATOR.tagIds().get(0)),
                        ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                .addTextBody("tags", Long.toString(EMULATOR.tagIds().get(1)),
                        ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8))
                .addTextBody("external_metadata", "{\"external_id\": \"share:/a/résumé.txt\"}",
                        ContentType.APPLICATION_JSON)
                .build());

        try (ApiTestClient api = ApiTestClient.of(EMULATOR.emulator())) {
            assertThat(api.send(post).status()).isEqualTo(201);
        }
        assertThat(EMULATOR.takeContractViolations()).isEmpty();
    }

    /** What curl -F sends: JSON fields as plain text parts, tags as one JSON array; the service reads both. */
    @Test
    void jsonFieldsSentAsPlainFormFieldsConform() {
        try (ApiTestClient api = ApiTestClient.of(EMULATOR.emulator())) {
            assertThat(api.upload("a.txt", "numbers".getBytes(StandardCharsets.UTF_8))
                    .workspace(EMULATOR.workspaceId())
                    .field("tags", "[" + EMULATOR.tagIds().get(0) + "," + EMULATOR.tagIds().get(1) + "]")
                    .field("external_metadata", "{\"external_id\": \"x-1\"}").send().status()).isEqualTo(201);
        }
        assertThat(EMULATOR.takeContractViolations()).isEmpty();
    }

    @Test
    void anUploadWithAWrongFieldTypeIsAViolation() {
        try (ApiTestClient api = ApiTestClient.of(EMULATOR.emulator())) {
            api.upload("a.txt", "numbers".getBytes(StandardCharsets.UTF_8)).workspace(EMULATOR.workspaceId())
                    .field("tags", "legal").send();
        }

        assertThat(EMULATOR.takeContractViolations()).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).startsWith("POST /api/v3/files -> 400: body.tags.0"));
    }

    @Test
    void anAnswerTheContractDoesNotAllowIsAViolation() {
        ObservedExchange listing = new ObservedExchange("GET", "/api/v3/files", null,
                Map.of("Authorization", List.of("Bearer ***")), new byte[0], 200,
                Map.of("Content-Type", List.of("application/json")),
                "{\"count\": 1, \"next\": null, \"previous\": null, \"results\": [[]]}".getBytes(StandardCharsets.UTF_8),
                false);

        assertThat(REFEREE.violations(listing)).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("answer: "));
    }

    @Test
    void anAnswerMadeByFaultInjectionIsNotJudged() {
        ObservedExchange injected = new ObservedExchange("GET", "/api/v3/files", null,
                Map.of("Authorization", List.of("Bearer ***")), new byte[0], 502,
                Map.of("Content-Type", List.of("application/json")), "{\"results\"".getBytes(StandardCharsets.UTF_8),
                true);

        assertThat(REFEREE.violations(injected)).isEmpty();
    }

    @Test
    void aRequestBodyTheEmulatorDidNotReadIsNotJudged() {
        ObservedExchange refusedUnread = new ObservedExchange("POST", "/api/v3/files", null,
                Map.of("Authorization", List.of("Bearer ***"), "Content-Type", List.of("multipart/form-data; boundary=x")),
                null, 413, Map.of("Content-Type", List.of("application/json")),
                "{\"code\": \"file_too_large\", \"error\": \"request_entity_too_large\", \"detail\": \"Too large.\"}"
                        .getBytes(StandardCharsets.UTF_8), false);

        assertThat(REFEREE.violations(refusedUnread)).isEmpty();
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RefereedSample {
        @RegisterExtension
        static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().build();

        @Test
        @Order(1)
        void sendsAWellFormedRequest() {
            get("/api/v3/files?status=embedded");
        }

        @Test
        @Order(2)
        void sendsAFilterTheApiDoesNotHave() {
            get("/api/v3/files?colour=red");
        }

        @Test
        @Order(3)
        void sendsAnotherWellFormedRequest() {
            get("/api/v3/workspaces");
        }

        private static void get(String pathAndQuery) {
            try (ApiTestClient api = ApiTestClient.of(EMULATOR.emulator())) {
                assertThat(api.get(pathAndQuery).status()).isEqualTo(200);
            }
        }
    }

    static class AnswersOnlySample {
        @RegisterExtension
        static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
                .contractChecks(ContractChecks.ANSWERS).build();

        @Test
        void sendsAFilterTheApiDoesNotHaveOnPurpose() {
            try (ApiTestClient api = ApiTestClient.of(EMULATOR.emulator())) {
                assertThat(api.get("/api/v3/files?colour=red").status()).isEqualTo(200);
            }
        }
    }
}
