package io.camelparadigm.component.paradigm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-endpoint limit of requests in flight, adapted from 429s. Asserts limits and outcomes, never timing. */
class AdaptiveConcurrencyTest extends EmulatorRouteTestSupport {

    private static final String LIST = "paradigm:listFiles?initialConcurrency=10&maxConcurrency=20"
                                       + "&retryInitialDelay=1&retryMaxDelay=5";

    @TempDir
    Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uploadAll")
                        .split(body()).parallelProcessing().executorService(context.getExecutorServiceManager()
                                .newFixedThreadPool(this, "uploaders", 12))
                        .to("paradigm:upload?workspaceId=" + workspaceId()
                            + "&initialConcurrency=12&maxRetries=30&retryInitialDelay=5&retryMaxDelay=20");
            }
        };
    }

    private int limitOf(String uri) {
        return context.getEndpoint(uri, ParadigmEndpoint.class).getConcurrencyGate().limit();
    }

    @Test
    void limitShrinksUnderTooManyRequestsAndGrowsBackWhenTheyStop() throws Exception {
        EMULATOR.faults().retryAfterSeconds(0).failNext(5, 429);
        template.requestBody(LIST, (Object) null);
        int throttled = limitOf(LIST);

        ExecutorService callers = Executors.newFixedThreadPool(20);
        try {
            List<Future<Object>> calls = IntStream.range(0, 300)
                    .mapToObj(i -> callers.submit(() -> template.requestBody(LIST, (Object) null))).toList();
            for (Future<Object> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(throttled).isLessThan(10);
        assertThat(limitOf(LIST)).isGreaterThan(throttled).isLessThanOrEqualTo(20);
        assertThat(context.getEndpoint(LIST, ParadigmEndpoint.class).getConcurrencyGate().inFlight()).isZero();
    }

    @Test
    void limitIsPerEndpointAndCanBeSwitchedOff() {
        EMULATOR.faults().retryAfterSeconds(0).failNext(3, 429);
        String fixed = "paradigm:listFiles?adaptiveConcurrency=false&retryInitialDelay=1";
        template.requestBody(fixed, (Object) null);

        ParadigmEndpoint other = context.getEndpoint("paradigm:listWorkspaces?initialConcurrency=7",
                ParadigmEndpoint.class);
        assertThat(context.getEndpoint(fixed, ParadigmEndpoint.class).getConcurrencyGate().isAdaptive()).isFalse();
        assertThat(other.getConcurrencyGate().limit()).isEqualTo(7);
    }

    @Test
    void parallelUploadsAgainstASessionConcurrencyCapSettleBelowItAndAllSucceed() throws Exception {
        int count = 60;
        List<Path> files = IntStream.range(0, count).mapToObj(i -> dir.resolve("f-" + i + ".txt")).toList();
        for (Path file : files) {
            Files.writeString(file, "file " + file.getFileName());
        }
        EMULATOR.faults().retryAfterSeconds(0).latency(Duration.ofMillis(20)).maxConcurrentUploadsPerSession(3);

        template.requestBody("direct:uploadAll", files.stream().map(Path::toFile).toList());

        String upload = "paradigm:upload?workspaceId=" + workspaceId()
                        + "&initialConcurrency=12&maxRetries=30&retryInitialDelay=5&retryMaxDelay=20";
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(count)
                .extracting(StoredFile::filename).doesNotHaveDuplicates();
        assertThat(requests("POST", "/api/v3/files")).extracting(RecordedRequest::status).contains(429);
        assertThat(limitOf(upload)).isLessThan(12);
    }
}
