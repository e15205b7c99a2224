package io.camelparadigm.component.paradigm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry rules, proved by what the emulator received (never by timing). */
class RetryPolicyRouteTest extends EmulatorRouteTestSupport {

    private static final String FILES = "/api/v3/files";
    /** Short backoff so the tests do not wait; Retry-After still comes from the emulator. */
    private static final String FAST = "retryInitialDelay=5&retryMaxDelay=20";

    @TempDir
    Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uploadAll")
                        .split(body()).parallelProcessing().executorService(context.getExecutorServiceManager()
                                .newFixedThreadPool(this, "uploaders", 16))
                        .setHeader(ParadigmConstants.EXTERNAL_ID, simple("${body.name}"))
                        .to("paradigm:upload?workspaceId=" + workspaceId() + "&maxRetries=12&" + FAST);
            }
        };
    }

    private String upload(String options) {
        return "paradigm:upload?workspaceId=" + workspaceId() + "&" + FAST + (options.isEmpty() ? "" : "&" + options);
    }

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "content of " + name);
    }

    private static List<Integer> statuses(String method, String path) {
        return requests(method, path).stream().map(RecordedRequest::status).toList();
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfterAndSucceeds() throws Exception {
        EMULATOR.faults().retryAfterSeconds(1).failNext(1, 429);

        ParadigmFile created = template.requestBody(upload(""), file("a.txt").toFile(), ParadigmFile.class);

        assertThat(created.filename()).isEqualTo("a.txt");
        assertThat(statuses("POST", FILES)).containsExactly(429, 201);
        assertThat(EMULATOR.storedFiles()).hasSize(1);
    }

    @Test
    void maintenanceIsWaitedOutWhenItIsShort() {
        EMULATOR.faults().retryAfterSeconds(0).failNext(2, 503);

        template.requestBody("paradigm:listWorkspaces?" + FAST, (Object) null);

        assertThat(statuses("GET", "/api/v3/workspaces")).containsExactly(503, 503, 200);
    }

    @Test
    void retryAfterBeyondTheCapFailsAtOnceWithAClearMessage() throws Exception {
        EMULATOR.faults().retryAfterSeconds(120).failNext(1, 429);
        Path file = file("b.txt");

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.requestBody(upload("maxRetryAfter=60s"), file.toFile()));

        assertThat(e.getHttpStatus()).isEqualTo(429);
        assertThat(e.getMessage()).contains("upload").contains("server asked to wait 120 s")
                .contains("maxRetryAfter=60 s");
        assertThat(statuses("POST", FILES)).containsExactly(429);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void lostAnswerOfAnUploadWithExternalIdIsLookedUpAndNotSentTwice() throws Exception {
        EMULATOR.faults().dropAfterStore(1);

        Exchange answer = template.request(upload("externalId=SRV-7"),
                e -> e.getMessage().setBody(file("c.txt").toFile()));

        assertThat(answer.getException()).isNull();
        ParadigmFile file = answer.getMessage().getBody(ParadigmFile.class);
        assertThat(file.externalId()).isEqualTo("SRV-7");
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.id()).isEqualTo(file.id()));
        assertThat(statuses("POST", FILES)).containsExactly(0);
        assertThat(requests("GET", FILES)).singleElement()
                .satisfies(lookup -> assertThat(lookup.query()).contains("external_metadata__external_id=SRV-7"));
    }

    @Test
    void badGatewayOnAnUploadWithExternalIdLooksUpThenResends() throws Exception {
        EMULATOR.faults().failNext(1, 502);

        template.requestBody(upload("externalId=SRV-8"), file("d.txt").toFile());

        assertThat(statuses("POST", FILES)).containsExactly(502, 201);
        assertThat(statuses("GET", FILES)).containsExactly(200);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::externalId).containsExactly("SRV-8");
    }

    @Test
    void lostAnswerOfAnUploadWithoutExternalIdIsNotResent() throws Exception {
        EMULATOR.faults().dropAfterStore(1);
        Path file = file("e.txt");

        ParadigmException e = failureOf(ParadigmException.class, () -> template.requestBody(upload(""), file.toFile()));

        assertThat(e.getMessage()).contains("not re-sent").contains("externalId");
        assertThat(statuses("POST", FILES)).containsExactly(0);
        assertThat(EMULATOR.storedFiles()).hasSize(1);
    }

    @Test
    void oneShotStreamIsNotRetried() {
        EMULATOR.faults().retryAfterSeconds(0).failNext(1, 503);

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.requestBodyAndHeader(upload("externalId=SRV-9"),
                        new ByteArrayInputStream("streamed once".getBytes(StandardCharsets.UTF_8)),
                        Exchange.FILE_NAME, "stream.txt"));

        assertThat(e.getHttpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).contains("the body is a one-shot stream and cannot be re-sent")
                .contains("File/Path/byte[]");
        assertThat(statuses("POST", FILES)).containsExactly(503);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void badGatewayOfAReadIsRetriedWithBackoffUntilItSucceeds() {
        EMULATOR.faults().failNext(2, 502);

        template.requestBody("paradigm:listFiles?" + FAST, (Object) null);

        assertThat(statuses("GET", FILES)).containsExactly(502, 502, 200);
    }

    @Test
    void droppedConnectionOfAReadIsRetried() {
        EMULATOR.faults().dropNext(1);

        template.requestBody("paradigm:listWorkspaces?" + FAST, (Object) null);

        assertThat(statuses("GET", "/api/v3/workspaces")).containsExactly(0, 200);
    }

    @Test
    void retriesAreBoundedByMaxRetries() {
        EMULATOR.faults().failNext(10, 504);

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.requestBody("paradigm:listFiles?maxRetries=2&" + FAST, (Object) null));

        assertThat(e.getHttpStatus()).isEqualTo(504);
        assertThat(e.getMessage()).contains("gave up after 3 attempts");
        assertThat(statuses("GET", FILES)).containsExactly(504, 504, 504);
    }

    /**
     * A file deleted after the checks before sending (here while onExisting=skip looks up its external id, as a share
     * being cleaned up would) fails the exchange at once, naming the file: re-sending cannot read it either.
     */
    @Test
    void aFileDeletedAfterItWasCheckedFailsTheExchangeAtOnceNamingIt() throws Exception {
        Path file = file("gone.pdf");
        EMULATOR.onRequest(request -> deleteIfExists(file));

        Exchange answer = template.request(upload("onExisting=skip&maxRetries=5"), e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(ParadigmConstants.EXTERNAL_ID, "share:gone.pdf");
        });

        assertThat(answer.getException()).isInstanceOf(ParadigmException.class)
                .hasMessageEndingWith("failed: cannot read " + file + " to upload (NoSuchFileException: " + file + ")");
        assertThat(requests("GET", FILES)).as("the look-up before the upload, and no look-up of a retry").hasSize(1);
        // the request was aborted as the file could not be opened: its head was still in the client's buffer, so the
        // service got nothing (it would otherwise have got a body ended cleanly with an empty file part)
        assertThat(requests("POST", FILES)).as("the upload, neither sent nor re-sent").isEmpty();
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void mixedFaultsStoreEveryDocumentExactlyOnceWithoutFailures() throws Exception {
        int count = 200;
        List<Path> files = IntStream.range(0, count).mapToObj(i -> dir.resolve("doc-" + i + ".txt")).toList();
        for (Path file : files) {
            Files.writeString(file, "document " + file.getFileName());
        }
        EMULATOR.faults().retryAfterSeconds(0)
                .randomErrors(0.30, 429, 42)
                .randomErrors(0.05, 502, 42)
                .dropFraction(0.05, 7)
                .dropAfterStore(10);

        template.requestBody("direct:uploadAll", files.stream().map(Path::toFile).toList());

        List<StoredFile> stored = EMULATOR.storedFiles(workspaceId());
        assertThat(stored).hasSize(count);
        assertThat(stored).extracting(StoredFile::externalId).doesNotHaveDuplicates();
        assertThat(stored).extracting(StoredFile::filename)
                .containsExactlyInAnyOrderElementsOf(files.stream().map(f -> f.getFileName().toString()).toList());
        // the faults really happened
        assertThat(statuses("POST", FILES)).contains(429, 502, 0);
    }
}
