package io.camelparadigm.examples.webhook;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhook intake over real HTTP: a JDK client posts to platform-http, which uploads to the emulator. */
class DocumentWebhookRoutesTest extends CamelTestSupport {

    // real clock: the "processed" variant waits for the emulator to move documents by itself (3 steps of 100 ms)
    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder()
            .realClock().stepDuration(Duration.ofMillis(100)).build();

    private final int port = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void emptyEmulator() {
        PARADIGM.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));

        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(PARADIGM.baseUrl());
        paradigm.getConfiguration().setApiKey(PARADIGM.apiKey());
        context.getPropertiesComponent().setOverrideProperties(properties(PARADIGM.workspaceId()));
        return context;
    }

    private static Properties properties(long workspaceId) {
        Properties properties = new Properties();
        properties.put("paradigm.workspace-id", String.valueOf(workspaceId));
        properties.put("webhook.completion-poll-interval", "50ms");
        properties.put("webhook.completion-timeout", "20s");
        return properties;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new DocumentWebhookRoutes();
    }

    @Test
    void postedDocumentIsStoredWithItsMetadataAndItsIdIsAnswered() throws Exception {
        byte[] document = "# Incident 42\nThe printer is on fire.".getBytes(StandardCharsets.UTF_8);
        long tag = PARADIGM.tagIds().get(0);

        HttpResponse<String> response = post("/documents", document,
                WebhookHeaders.FILENAME, "incident-42.md",
                WebhookHeaders.TITLE, "Incident 42",
                WebhookHeaders.EXTERNAL_ID, "INC0042",
                WebhookHeaders.DOC_TYPE, "incident",
                WebhookHeaders.TAGS, String.valueOf(tag));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode answer = json(response);
        assertThat(answer.get("status").asText()).isEqualTo("pending");
        assertThat(answer.get("external_id").asText()).isEqualTo("INC0042");

        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(answer.get("id").asLong());
            assertThat(stored.filename()).isEqualTo("incident-42.md");
            assertThat(stored.title()).isEqualTo("Incident 42");
            assertThat(stored.externalId()).isEqualTo("INC0042");
            assertThat(stored.tagIds()).containsExactly(tag);
            assertThat(stored.size()).isEqualTo(document.length);
            assertThat(stored.sha256()).isEqualTo(sha256(document));
        });
    }

    @Test
    void nonAsciiMetadataSentAsUtf8BytesAsCurlSendsItIsStoredAsWritten() throws Exception {
        String name = "R&D café #1 100% \uD83C\uDF89.md";
        byte[] document = "# Notes".getBytes(StandardCharsets.UTF_8);
        String request = "POST /documents HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + document.length + "\r\n"
                + WebhookHeaders.FILENAME + ": " + name + "\r\n"
                + WebhookHeaders.TITLE + ": Résumé d'équipe\r\nConnection: close\r\n\r\n";

        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.write(document);
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).singleElement().satisfies(stored -> {
            assertThat(stored.filename()).isEqualTo(name);
            assertThat(stored.title()).isEqualTo("Résumé d'équipe");
        });
    }

    @Test
    void processedVariantAnswersOnceTheDocumentIsEmbedded() throws Exception {
        HttpResponse<String> response = post("/documents/processed", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                WebhookHeaders.FILENAME, "numbers.csv");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("status").asText()).isEqualTo("embedded");
        assertThat(PARADIGM.storedFiles()).extracting(StoredFile::id).containsExactly(answer.get("id").asLong());
    }

    @Test
    void processedVariantAnswers422WithTheReasonWhenProcessingFails() throws Exception {
        PARADIGM.scriptFailure("^scan-", "parsing_failed", "PDF is encrypted");

        HttpResponse<String> response = post("/documents/processed", "%PDF-1.7 ...".getBytes(StandardCharsets.UTF_8),
                WebhookHeaders.FILENAME, "scan-0001.pdf");

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode answer = json(response);
        assertThat(answer.get("status").asText()).isEqualTo("parsing_failed");
        assertThat(answer.get("status_detail").asText()).isEqualTo("PDF is encrypted");
        assertThat(answer.get("id").asLong()).isEqualTo(PARADIGM.storedFiles().get(0).id());
    }

    @Test
    void formEncodedBodyIsRefusedBecauseTheDocumentWouldNotSurviveFormParsing() throws Exception {
        // curl --data-binary without -H Content-Type sends this content type
        HttpResponse<String> response = post("/documents", "total=42&currency=EUR".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded",
                WebhookHeaders.FILENAME, "totals.txt");

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error").asText()).contains("application/octet-stream");
        assertThat(PARADIGM.requests()).isEmpty();
    }

    @Test
    void documentWithItsOwnContentTypeIsUploadedByteForByte() throws Exception {
        byte[] document = "<html><body><h1>Release notes</h1></body></html>".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post("/documents", document,
                "Content-Type", "text/html; charset=utf-8",
                WebhookHeaders.FILENAME, "release-notes.html");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(PARADIGM.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256(document)));
    }

    @Test
    void requestWithoutFilenameIsRefusedWithoutCallingParadigm() throws Exception {
        HttpResponse<String> response = post("/documents", "no name".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("filename");
        assertThat(PARADIGM.requests()).isEmpty();
    }

    @Test
    void paradigmRefusingTheIntakesOwnWorkspaceIsABadGatewayWithParadigmsReason() throws Exception {
        // the same routes, configured with a workspace the key may read but not write
        context.getPropertiesComponent().setOverrideProperties(properties(PARADIGM.readOnlyWorkspaceId()));
        context.getRouteController().stopRoute(DocumentWebhookRoutes.ROUTE_ID);
        context.getRouteController().stopRoute(DocumentWebhookRoutes.PROCESSED_ROUTE_ID);
        context.removeRoute(DocumentWebhookRoutes.ROUTE_ID);
        context.removeRoute(DocumentWebhookRoutes.PROCESSED_ROUTE_ID);
        context.addRoutes(new DocumentWebhookRoutes());

        HttpResponse<String> response = post("/documents", "text".getBytes(StandardCharsets.UTF_8),
                WebhookHeaders.FILENAME, "note.txt");

        assertThat(response.statusCode()).as("the caller's request is fine: the intake's workspace is not")
                .isEqualTo(502);
        assertThat(json(response).get("paradigm_status").asInt()).isEqualTo(403);
        assertThat(json(response).get("detail").asText()).isNotBlank();
        assertThat(PARADIGM.storedFiles()).isEmpty();
    }

    private HttpResponse<String> post(String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!java.util.Arrays.asList(headers).contains("Content-Type")) {
            request.header("Content-Type", "application/octet-stream");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ParadigmJson.mapper().readTree(response.body());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
