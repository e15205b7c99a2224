package io.camelparadigm.component.paradigm.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.emulator.ObservedExchange;
import io.camelparadigm.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class FileEventsScaleAndRestartTest extends ConsumerTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(FileEventsScaleAndRestartTest.class);

    @TempDir
    Path tempDir;

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("paradigm.workspaceId", String.valueOf(workspaceId()));
        return properties;
    }

    @Test
    void requestsPerPollFollowTheChangesNotTheWorkspaceSize() throws Exception {
        EMULATOR.seedFiles(workspaceId(), 100_000, "bulk-");
        EMULATOR.completeAll();
        EMULATOR.advance(java.time.Duration.ofMinutes(1)); // the seeded files are history
        int pageSize = 30;
        consume("paradigm:fileEvents?pageSize=" + pageSize + "&startFrom=" + EMULATOR.now());
        EMULATOR.clearRequests();
        poll();
        assertThat(listings()).hasSize(1);
        assertThat(received()).isEmpty();

        EMULATOR.seedFiles(workspaceId(), 100, "new-");
        letSettle();
        EMULATOR.clearRequests();
        poll();
        int firstSight = listings().size();
        step();
        EMULATOR.clearRequests();
        poll();
        int change = listings().size();

        LOG.info("100,000 files, 100 changed, pageSize {}: {} and {} requests per poll", pageSize, firstSight, change);
        int bound = (int) Math.ceil(100.0 / pageSize) + 1;
        assertThat(firstSight).isLessThanOrEqualTo(bound);
        assertThat(change).isLessThanOrEqualTo(bound);
        assertThat(received()).hasSize(200);
        assertThat(received().subList(100, 200)).allMatch(event -> event.endsWith(":parsing<-pending"));
    }

    /**
     * A consumer far behind (2,000 files finished over 100 s of the service's time, 20 a page) walks them in several
     * listings: each page asked for by key counts a bounded rest of its listing (the service counts it in its
     * database on every page), where one listing of everything would have each page count every file still to come.
     * Every file is delivered once.
     */
    @Test
    void aConsumerFarBehindAsksForPagesWhoseCountStaysBounded() throws Exception {
        Instant since = EMULATOR.now();
        for (int second = 0; second < 100; second++) {
            EMULATOR.seedFiles(workspaceId(), 20, "doc-" + second + "-");
            EMULATOR.advance(Duration.ofSeconds(1));
        }
        EMULATOR.completeAll();
        letSettle();
        List<Long> countsByKey = new CopyOnWriteArrayList<>();
        Consumer<ObservedExchange> counts = exchange -> {
            if (exchange.path().equals("/api/v3/files") && exchange.query().contains("created_at_after")) {
                try {
                    countsByKey.add(ParadigmJson.mapper().readTree(exchange.responseBody()).get("count").asLong());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        EMULATOR.emulator().addExchangeObserver(counts);
        try {
            consume("paradigm:fileEvents?pageSize=20&terminalOnly=true&maxMessagesPerPoll=0&startFrom=" + since);
            EMULATOR.clearRequests();
            for (int poll = 0; poll < 5; poll++) {
                poll();
            }
        } finally {
            EMULATOR.emulator().removeExchangeObserver(counts);
        }

        LOG.info("2,000 changes, pageSize 20: {} requests; counts of the pages asked for by key: {}",
                listings().size(), countsByKey);
        assertThat(received()).hasSize(2_000).doesNotHaveDuplicates();
        assertThat(countsByKey).isNotEmpty().allMatch(count -> count <= 400);
        assertThat(listings().size()).isLessThanOrEqualTo(2 * 2_000 / 20);
    }

    @Test
    void restartWithFileStateRepositoryNeitherLosesNorRepeatsCompletedChanges() throws Exception {
        Path store = tempDir.resolve("paradigm-state.dat");
        long id = seed("report.pdf");
        letSettle();
        List<String> delivered = new ArrayList<>();

        CamelContext first = startedContext(store, delivered);
        pollRoute(first);
        step();
        pollRoute(first);
        first.stop();
        assertThat(delivered).containsExactly(id + ":pending", id + ":parsing<-pending");

        step();
        step();
        CamelContext second = startedContext(store, delivered);
        pollRoute(second);
        pollRoute(second);
        second.stop();

        // embedding came and went while nothing polled: the change seen is parsing -> embedded, once
        assertThat(delivered).containsExactly(id + ":pending", id + ":parsing<-pending", id + ":embedded<-parsing");
    }

    @Test
    void yamlRouteConsumesFileEvents() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/file-events-route.yaml"));
        long id = seed("yaml.pdf");
        letSettle();
        poll();
        EMULATOR.completeAll();
        letSettle();
        poll();

        assertThat(events().getReceivedExchanges()).singleElement()
                .satisfies(e -> assertThat(e.getMessage().getBody(String.class))
                        .isEqualTo(id + " embedded terminal=true"));
    }

    private static List<RecordedRequest> listings() {
        return EMULATOR.requests().stream().filter(r -> r.path().equals("/api/v3/files")).toList();
    }

    private static CamelContext startedContext(Path store, List<String> delivered) throws Exception {
        return application(store, new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&stateRepository=#state&startScheduler=false")
                        .routeId(ROUTE)
                        .process(exchange -> delivered.add(describe(exchange)));
            }
        });
    }

    private static void pollRoute(CamelContext camel) {
        ((ScheduledPollConsumer) camel.getRoute(ROUTE).getConsumer()).run();
    }

    static String header(org.apache.camel.Exchange e) {
        return e.getMessage().getHeader(ParadigmConstants.STATUS, String.class);
    }
}
