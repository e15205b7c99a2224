package io.camelparadigm.component.paradigm.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Several consumers of one application keeping their positions in one repository. */
class SharedStateRepositoryTest extends ConsumerTestSupport {

    @TempDir
    Path tempDir;

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void consumersWithDifferentSelectionsKeepSeparateStatesInOneRepository() throws Exception {
        Path store = tempDir.resolve("state.dat");
        long id = seed("contract.pdf");
        EMULATOR.completeAll();
        letSettle();

        CamelContext first = application(store, true);
        assertThat(stateKey(first, "audit")).isNotEqualTo(stateKey(first, "alerts"));
        pollRoute(first, "alerts"); // the alert cannot be sent: the change stays undelivered for "alerts"
        pollRoute(first, "audit");
        first.stop(); // "audit" stops first and "alerts" last, or the other way: neither may overwrite the other

        CamelContext second = application(store, false);
        pollRoute(second, "alerts");
        pollRoute(second, "audit");
        second.stop();

        assertThat(delivered).containsExactly("audit " + id + ":embedded", "alerts " + id + ":embedded");
    }

    private CamelContext application(Path store, boolean alertsFail) throws Exception {
        return ConsumerTestSupport.application(store, new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&stateRepository=#state&startScheduler=false")
                        .routeId("audit").process(exchange -> delivered.add("audit " + describe(exchange)));
                from("paradigm:fileEvents?startFrom=all&terminalOnly=true&stateRepository=#state&startScheduler=false")
                        .routeId("alerts").process(exchange -> {
                            if (alertsFail) {
                                throw new IllegalStateException("alerting system down");
                            }
                            delivered.add("alerts " + describe(exchange));
                        });
            }
        });
    }

    private static String stateKey(CamelContext camel, String routeId) {
        return ((ParadigmEndpoint) camel.getRoute(routeId).getEndpoint()).stateKey();
    }

    private static void pollRoute(CamelContext camel, String routeId) {
        ((ScheduledPollConsumer) camel.getRoute(routeId).getConsumer()).run();
    }
}
