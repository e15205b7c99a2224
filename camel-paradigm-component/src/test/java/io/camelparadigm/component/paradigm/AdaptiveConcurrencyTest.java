package io.camelparadigm.component.paradigm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limit of requests in flight of a key, shared by its endpoints, adapted from the 429s that say too many are in
 * flight. Asserts limits and outcomes, never timing.
 */
class AdaptiveConcurrencyTest extends EmulatorRouteTestSupport {

    private static final String LIST = "paradigm:listFiles?initialConcurrency=10&maxConcurrency=20"
                                       + "&retryInitialDelay=1&retryMaxDelay=5";

    @TempDir
    Path dir;

    /** The lowest limit seen after an upload: it grows back as uploads succeed, so the end value says little. */
    private final AtomicInteger lowestLimit = new AtomicInteger(Integer.MAX_VALUE);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uploadAll")
                        .split(body()).parallelProcessing().executorService(context.getExecutorServiceManager()
                                .newFixedThreadPool(this, "uploaders", 12))
                        .to("paradigm:upload?workspaceId=" + workspaceId()
                            + "&initialConcurrency=12&maxRetries=30&retryInitialDelay=5&retryMaxDelay=20")
                        .process(exchange -> lowestLimit.accumulateAndGet(limitOf(LIST), Math::min));
            }
        };
    }

    private int limitOf(String uri) {
        return context.getEndpoint(uri, ParadigmEndpoint.class).getConcurrencyGate().limit();
    }

    @Test
    void loneTooManyRequestsLeaveTheLimitAlone() {
        EMULATOR.faults().retryAfterSeconds(0).failNext(5, 429);

        template.requestBody(LIST, (Object) null);

        ParadigmEndpoint list = context.getEndpoint(LIST, ParadigmEndpoint.class);
        assertThat(limitOf(LIST)).isEqualTo(10);
        assertThat(list.getKeyGate().statistics().otherTooManyRequests()).isEqualTo(5);
        assertThat(list.getKeyGate().learnedRateLimit()).as("no rate limit learned").isEqualTo(-1);
    }

    @Test
    void limitShrinksUnderTooManyUploadsInFlightAndGrowsBackWhenTheyStop() throws Exception {
        EMULATOR.faults().retryAfterSeconds(0).latency(Duration.ofMillis(20)).maxConcurrentUploadsPerSession(3);
        template.requestBody("direct:uploadAll", files(30).stream().map(Path::toFile).toList());
        int throttled = lowestLimit.get();
        EMULATOR.faults().reset();

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

        assertThat(throttled).isLessThan(12);
        assertThat(limitOf(LIST)).isGreaterThan(throttled);
        assertThat(context.getEndpoint(LIST, ParadigmEndpoint.class).getConcurrencyGate().inFlight()).isZero();
    }

    @Test
    void oneLimitPerKeyWhateverTheEndpointsOptions() {
        ParadigmEndpoint fixed = context.getEndpoint("paradigm:listFiles?adaptiveConcurrency=false",
                ParadigmEndpoint.class);
        ParadigmEndpoint seven = context.getEndpoint("paradigm:listWorkspaces?initialConcurrency=7",
                ParadigmEndpoint.class);
        int first = seven.getConcurrencyGate().limit();

        assertThat(fixed.getKeyGate()).isSameAs(seven.getKeyGate());
        assertThat(fixed.getConcurrencyGate().limit()).isEqualTo(first);
    }

    private List<Path> files(int count) throws Exception {
        List<Path> files = IntStream.range(0, count).mapToObj(i -> dir.resolve("f-" + i + ".txt")).toList();
        for (Path file : files) {
            Files.writeString(file, "file " + file.getFileName());
        }
        return files;
    }

    @Test
    void parallelUploadsAgainstASessionConcurrencyCapSettleBelowItAndAllSucceed() throws Exception {
        int count = 60;
        List<Path> files = files(count);
        EMULATOR.faults().retryAfterSeconds(0).latency(Duration.ofMillis(20)).maxConcurrentUploadsPerSession(3);

        template.requestBody("direct:uploadAll", files.stream().map(Path::toFile).toList());

        String upload = "paradigm:upload?workspaceId=" + workspaceId()
                        + "&initialConcurrency=12&maxRetries=30&retryInitialDelay=5&retryMaxDelay=20";
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(count)
                .extracting(StoredFile::filename).doesNotHaveDuplicates();
        long refused = requests("POST", "/api/v3/files").stream().filter(r -> r.status() == 429).count();
        assertThat(refused).isPositive();
        assertThat(lowestLimit.get()).isLessThan(12);
        assertThat(context.getEndpoint(upload, ParadigmEndpoint.class).getKeyGate().statistics().concurrencyLimited())
                .isEqualTo(refused);
    }
}
