package io.camelparadigm.emulator.contract;

import static io.camelparadigm.emulator.contract.ParadigmContract.assertConforms;
import static io.camelparadigm.emulator.contract.ParadigmContract.assertResponseConforms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelparadigm.emulator.ContractChecks;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every answer of {@code POST /api/v3/files}, and every upload we send, against the contract. */
class UploadContractTest {

    private static final int MAX_FILE_SIZE = 64 * 1024;
    private static final String FILES = "/api/v3/files";

    /** Its tests check requests themselves ({@link ParadigmContract}), some off-contract on purpose: the referee judges answers. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS)
            .maxFileSize(MAX_FILE_SIZE)
            .build();

    @AfterEach
    void resetFaults() {
        EMULATOR.faults().reset();
    }

    private static EmulatorHttp http() {
        return new EmulatorHttp(EMULATOR.baseUrl(), EMULATOR.apiKey());
    }

    private static MultipartBody.Builder pdf(String filename) {
        return MultipartBody.builder().file("file", filename, "%PDF-1.4 contract test".getBytes(StandardCharsets.US_ASCII));
    }

    private static MultipartBody.Builder pdfFor(long workspaceId) {
        return pdf("report.pdf").text("workspace_id", workspaceId);
    }

    @Test
    void createdAnswerToTheSmallestUploadConforms() {
        Exchange upload = assertConforms(http().postMultipart(FILES, pdfFor(EMULATOR.workspaceId()).build()));

        assertThat(upload.status()).isEqualTo(201);
        JsonNode file = Json.of(upload);
        assertThat(file.get("status").asText()).isEqualTo("pending");
        assertThat(file.get("upload_session_uuid").isTextual()).isTrue();
        assertThat(file.get("external_metadata").isNull()).isTrue();
    }

    @Test
    void createdAnswerToAnUploadWithEveryOptionalFieldConforms() {
        List<Long> tags = EMULATOR.tagIds().subList(0, 2);
        MultipartBody body = pdf("q4.pdf")
                .text("workspace_id", EMULATOR.workspaceId())
                .text("title", "Q4 report")
                .text("filename", "Q4_Report_2025.pdf")
                .text("parser", "v2.2.1")
                .text("tags", tags.get(0))
                .text("tags", tags.get(1))
                .json("external_metadata", """
                        {"external_id": "SRV-456789", "doc_type": "incident",
                         "additional_metadata": {"external_url": "https://example.com/SRV-456789"}}""")
                .build();

        Exchange upload = assertConforms(http().postMultipart(FILES, body));

        assertThat(upload.status()).isEqualTo(201);
        JsonNode file = Json.of(upload);
        assertThat(file.get("filename").asText()).isEqualTo("Q4_Report_2025.pdf");
        assertThat(file.get("title").asText()).isEqualTo("Q4 report");
        assertThat(file.findValues("id").stream().map(JsonNode::asLong)).containsAll(tags);
        assertThat(file.at("/external_metadata/external_id").asText()).isEqualTo("SRV-456789");
    }

    @Test
    void createdAnswerToTagsSentAsOneJsonArrayConforms() {
        List<Long> tags = EMULATOR.tagIds().subList(0, 2);
        MultipartBody body = pdfFor(EMULATOR.workspaceId())
                .json("tags", "[" + tags.get(0) + "," + tags.get(1) + "]")
                .build();

        Exchange upload = assertConforms(http().postMultipart(FILES, body));

        assertThat(upload.status()).isEqualTo(201);
        assertThat(Json.of(upload).get("tags")).hasSize(2);
    }

    @Test
    void multiStatusAnswerToAForeignTagConforms() {
        MultipartBody body = pdfFor(EMULATOR.workspaceId())
                .text("tags", EMULATOR.tagIds().get(0))
                .text("tags", EMULATOR.foreignTagId())
                .build();

        Exchange upload = assertConforms(http().postMultipart(FILES, body));

        assertThat(upload.status()).isEqualTo(207);
        assertThat(Json.of(upload).get("message").asText()).contains(String.valueOf(EMULATOR.foreignTagId()));
    }

    /** Runs after the class's emulator has started, so it may ask it for ids. */
    static Stream<Arguments> invalidUploads() {
        long workspace = EMULATOR.workspaceId();
        return Stream.of(
                Arguments.of("no file part", MultipartBody.builder().text("workspace_id", workspace)),
                Arguments.of("file sent as a text field",
                        MultipartBody.builder().text("workspace_id", workspace).text("file", "x")),
                Arguments.of("no workspace_id", pdf("a.pdf")),
                Arguments.of("workspace_id not a number", pdf("a.pdf").text("workspace_id", "forty-two")),
                Arguments.of("unknown workspace", pdfFor(987_654_321L)),
                Arguments.of("unknown parser", pdfFor(workspace).text("parser", "v9")),
                Arguments.of("tag not a number", pdfFor(workspace).text("tags", "legal")),
                Arguments.of("external_metadata not JSON", pdfFor(workspace).json("external_metadata", "{not json")),
                Arguments.of("external_metadata without external_id",
                        pdfFor(workspace).json("external_metadata", "{\"doc_type\": \"incident\"}")),
                Arguments.of("empty file",
                        MultipartBody.builder().file("file", "empty.pdf", new byte[0]).text("workspace_id", workspace)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUploads")
    void badRequestAnswerConforms(String reason, MultipartBody.Builder form) {
        Exchange upload = assertResponseConforms(http().postMultipart(FILES, form.build()));

        assertThat(upload.status()).as(reason).isEqualTo(400);
    }

    @Test
    void unauthorizedAnswersConform() {
        MultipartBody body = pdfFor(EMULATOR.workspaceId()).build();

        Exchange withoutKey = assertResponseConforms(http().withKey(null).postMultipart(FILES, body));
        Exchange wrongKey = assertResponseConforms(http().withKey("not-a-key").postMultipart(FILES, body));

        assertThat(withoutKey.status()).isEqualTo(401);
        assertThat(wrongKey.status()).isEqualTo(401);
    }

    @Test
    void forbiddenAnswersConform() {
        Exchange readOnly = assertConforms(http().postMultipart(FILES, pdfFor(EMULATOR.readOnlyWorkspaceId()).build()));
        Exchange foreign = assertConforms(http().postMultipart(FILES, pdfFor(EMULATOR.foreignWorkspaceId()).build()));

        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(foreign.status()).isEqualTo(403);
    }

    @Test
    void tooLargeAnswerConforms() {
        MultipartBody body = MultipartBody.builder()
                .file("file", "big.pdf", new byte[MAX_FILE_SIZE + 1])
                .text("workspace_id", EMULATOR.workspaceId())
                .build();

        Exchange upload = assertConforms(http().postMultipart(FILES, body));

        assertThat(upload.status()).isEqualTo(413);
    }

    @Test
    void unsupportedMediaTypeAnswerConforms() {
        Exchange upload = assertResponseConforms(http().postJson(FILES, "{\"workspace_id\": 1}"));

        assertThat(upload.status()).isEqualTo(415);
    }

    @Test
    void rateLimitedAnswerConformsAndSaysWhenToRetry() {
        EMULATOR.faults().rateLimitPerMinute(1);
        MultipartBody body = pdfFor(EMULATOR.workspaceId()).build();

        assertConforms(http().postMultipart(FILES, body));
        Exchange limited = assertConforms(http().postMultipart(FILES, body));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.responseHeader("Retry-After").get(0))).isPositive();
    }

    @Test
    void tooManyConcurrentUploadsAnswerConforms() throws Exception {
        EMULATOR.faults().maxConcurrentUploadsPerSession(1);
        // big enough that the client's buffers flush the headers and most of the body at once
        MultipartBody body = MultipartBody.builder()
                .file("file", "slow.pdf", new byte[MAX_FILE_SIZE / 2])
                .text("workspace_id", EMULATOR.workspaceId())
                .build();
        int mostOfIt = body.bytes().length - 100;
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream bodyStream = new PipedInputStream(feed, body.bytes().length);
        feed.write(body.bytes(), 0, mostOfIt);
        feed.flush();
        EMULATOR.clearRequests();

        CompletableFuture<Exchange> first = http().postStreaming(FILES, body.contentType(), bodyStream, body.bytes());
        awaitArrivals(1);
        Exchange second = assertConforms(http().postMultipart(FILES, body));
        feed.write(body.bytes(), mostOfIt, body.bytes().length - mostOfIt);
        feed.close();

        assertThat(second.status()).isEqualTo(429);
        assertThat(assertConforms(first.get(30, TimeUnit.SECONDS)).status()).isEqualTo(201);
    }

    private static void awaitArrivals(int count) throws InterruptedException {
        for (int attempt = 0; attempt < 1000 && EMULATOR.requests().size() < count; attempt++) {
            Thread.sleep(10);
        }
        assertThat(EMULATOR.requests()).hasSize(count);
    }

    @Test
    void maintenanceAnswerConforms() {
        EMULATOR.faults().maintenance(Duration.ofMinutes(5));

        Exchange upload = assertConforms(http().postMultipart(FILES, pdfFor(EMULATOR.workspaceId()).build()));

        assertThat(upload.status()).isEqualTo(503);
        assertThat(Json.of(upload).get("error").asText()).isEqualTo("service_maintenance");
    }
}
