package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.List;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route tests against the emulator over real HTTP: the paradigm component points at it, and it starts empty. */
abstract class EmulatorRouteTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock().build();

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

    /**
     * Lets the emulator finish processing and its clock pass the consumer's overlap, then polls the consumer of the
     * route (started with startScheduler=false) until the mock received an exchange; returns its message.
     */
    Message pollUntilReceived(String routeId, String mock) {
        EMULATOR.completeAll();
        EMULATOR.advance(Duration.ofMinutes(1));
        MockEndpoint received = getMockEndpoint(mock);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
        for (int poll = 0; poll < 5 && received.getReceivedCounter() == 0; poll++) {
            consumer.run();
        }
        assertThat(received.getReceivedExchanges()).as("exchanges of route %s", routeId).isNotEmpty();
        return received.getReceivedExchanges().get(0).getMessage();
    }

    static long workspaceId() {
        return EMULATOR.workspaceId();
    }

    static List<RecordedRequest> requests(String method, String path) {
        return EMULATOR.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    /** The exception a route step raised, unwrapped from Camel's CamelExecutionException. */
    static <T extends Throwable> T failureOf(Class<T> type, Runnable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call::run).isInstanceOf(CamelExecutionException.class)
                .satisfies(e -> caught[0] = e.getCause())
                .cause().isInstanceOf(type);
        return type.cast(caught[0]);
    }
}
