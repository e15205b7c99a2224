package io.camelparadigm.component.paradigm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import io.camelparadigm.component.paradigm.client.KeyGate;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of one key shares one gate: two routes uploading with the same key under the service's rate limit
 * together stay within it, and both get all their files through. The emulator runs on the wall clock with a 2 s rate
 * limit period (the component told the same), so several windows pass in a few seconds. Asserts outcomes, not times.
 */
class SharedKeyGateTest extends CamelTestSupport {

    private static final Duration PERIOD = Duration.ofSeconds(2);
    private static final int LIMIT = 20;
    private static final int FILES_PER_ROUTE = 30;
    private static final int THREADS_PER_ROUTE = 4;

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().realClock().build();

    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void emptyEmulator() {
        EMULATOR.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
        paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
        paradigm.getConfiguration().setWorkspaceId(EMULATOR.workspaceId());
        paradigm.setRateLimitPeriod(PERIOD.toMillis());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String route : List.of("a", "b")) {
                    from("direct:" + route).routeId("uploads-" + route)
                            .split(body()).parallelProcessing()
                                .executorService(context.getExecutorServiceManager()
                                        .newFixedThreadPool(this, "uploads-" + route, THREADS_PER_ROUTE))
                                .setHeader(ParadigmConstants.EXTERNAL_ID, simple("${body.name}"))
                                .doTry()
                                    // different options: different endpoints, one key
                                    .to("paradigm:upload?title=route-" + route)
                                .doCatch(Exception.class)
                                    .process(exchange -> failures.add(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                                            Exception.class).getMessage()))
                                .end()
                            .end();
                }
            }
        };
    }

    private List<java.io.File> files(String prefix) throws Exception {
        List<java.io.File> files = new ArrayList<>();
        for (int i : IntStream.range(0, FILES_PER_ROUTE).toArray()) {
            Path file = dir.resolve(prefix + "-" + i + ".txt");
            Files.writeString(file, prefix + " " + i);
            files.add(file.toFile());
        }
        return files;
    }

    @Test
    void endpointsProducersAndConsumersOfOneKeyShareOneGate() {
        KeyGate upload = context.getEndpoint("paradigm:upload", ParadigmEndpoint.class).getKeyGate();
        KeyGate search = context.getEndpoint("paradigm:search?maxResults=5&initialConcurrency=3",
                ParadigmEndpoint.class).getKeyGate();
        KeyGate events = context.getEndpoint("paradigm:fileEvents?delay=60000", ParadigmEndpoint.class).getKeyGate();
        KeyGate otherKey = context.getEndpoint("paradigm:upload?apiKey=another-key", ParadigmEndpoint.class)
                .getKeyGate();

        assertThat(search).isSameAs(upload);
        assertThat(events).isSameAs(upload);
        assertThat(otherKey).isNotSameAs(upload);
        assertThat(upload.keyId()).doesNotContain(EMULATOR.apiKey());
    }

    @Test
    void twoRoutesWithOneKeyUnderTheRateLimitStayWithinItAndBothGetEveryFileThrough() throws Exception {
        EMULATOR.faults().rateLimit(LIMIT, PERIOD);
        List<java.io.File> a = files("a");
        List<java.io.File> b = files("b");

        CompletableFuture<Object> routeA = template.asyncRequestBody("direct:a", a);
        CompletableFuture<Object> routeB = template.asyncRequestBody("direct:b", b);
        routeA.get();
        routeB.get();

        assertThat(failures).isEmpty();
        List<StoredFile> stored = EMULATOR.storedFiles(EMULATOR.workspaceId());
        assertThat(stored).extracting(StoredFile::filename).doesNotHaveDuplicates()
                .hasSize(2 * FILES_PER_ROUTE)
                .filteredOn(name -> name.startsWith("a-")).hasSize(FILES_PER_ROUTE);
        List<RecordedRequest> uploads = EMULATOR.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/api/v3/files")).toList();
        long refused = uploads.stream().filter(r -> r.status() == 429).count();
        // Each route alone would believe it has the whole budget; sharing one gate, the two together are refused
        // only by the first burst (the requests in flight when the budget ran out) and the gate's upward probes.
        assertThat(refused).as("429s among %s uploads", uploads.size()).isLessThanOrEqualTo(2 * THREADS_PER_ROUTE * 2);
        KeyGate gate = context.getEndpoint("paradigm:upload?title=route-a", ParadigmEndpoint.class).getKeyGate();
        // learned from the answers seen: those still on their way when the limit was met (at most one per thread)
        // make it lower, late answers of earlier admissions higher
        assertThat(gate.learnedRateLimit()).isBetween((long) LIMIT - 2 * THREADS_PER_ROUTE,
                (long) LIMIT + 2 * THREADS_PER_ROUTE);
        assertThat(gate.statistics().rateLimited()).isEqualTo(refused);
        assertThat(gate.statistics().requests()).isEqualTo(uploads.size());
    }
}
