package io.camelparadigm.component.paradigm.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consumer route tests against the emulator on a manual clock. Routes use startScheduler=false and the test polls
 * by hand ({@link #poll()}), so every poll happens exactly when the test says and routes to mock:events.
 * <p>
 * A consumer lists a change once the service's clock is the overlap (2 s) past it, plus the Date header's second:
 * files spend {@link #STEP} in each status, and tests move the clock half a step ({@link #letSettle()}) after their
 * changes, then whole steps, so every poll sees the statuses of the step it is in.
 */
abstract class ConsumerTestSupport extends CamelTestSupport {

    static final String ROUTE = "events";
    static final Duration STEP = Duration.ofSeconds(30);

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock()
            .stepDuration(ConsumerTestSupport.STEP).build();

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
        return context;
    }

    /** Starts {@code from(uri).to("mock:events")}, polled only by {@link #poll()}. */
    void consume(String uri) throws Exception {
        String separator = uri.contains("?") ? "&" : "?";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + separator + "startScheduler=false").routeId(ROUTE).to("mock:events");
            }
        });
    }

    /** One poll of the route's consumer, on this thread: its exchanges are processed when it returns. */
    void poll() {
        pollRoute(ROUTE);
    }

    /** One poll of another route's consumer (started with startScheduler=false). */
    void pollRoute(String routeId) {
        ((ScheduledPollConsumer) context.getRoute(routeId).getConsumer()).run();
    }

    MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }

    /** "id:status<-previous" of each received exchange, in order. */
    List<String> received() {
        return events().getReceivedExchanges().stream().map(ConsumerTestSupport::describe).toList();
    }

    static String describe(Exchange exchange) {
        Object previous = exchange.getMessage().getHeader(ParadigmConstants.PREVIOUS_STATUS);
        return exchange.getMessage().getHeader(ParadigmConstants.FILE_ID) + ":"
               + exchange.getMessage().getHeader(ParadigmConstants.STATUS)
               + (previous == null ? "" : "<-" + previous);
    }

    /**
     * A separate application against the emulator (an instance that restarts, say), with a FileStateRepository on
     * {@code stateFile} bound as "state", started.
     */
    static CamelContext application(Path stateFile, RouteBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ParadigmComponent paradigm = camel.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
        paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
        camel.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile.toFile()));
        camel.addRoutes(routes);
        camel.start();
        return camel;
    }

    static long workspaceId() {
        return EMULATOR.workspaceId();
    }

    static long seed(String filename) {
        return EMULATOR.seedFile(SeedFile.builder(workspaceId(), filename).build());
    }

    /** The next status of every file in progress. */
    static void step() {
        EMULATOR.advance(STEP);
    }

    /** Half a step: the changes made so far are settled (past the overlap), none of the next ones happened. */
    static void letSettle() {
        EMULATOR.advance(STEP.dividedBy(2));
    }
}
