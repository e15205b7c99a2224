package io.camelparadigm.component.paradigm.consumer;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a consumer has done, as it reports it, and as the dev console and JMX show it. */
class ConsumerFiguresTest extends ConsumerTestSupport {

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setDevConsole(true);
        return context;
    }

    private void inSession(String session, String filename) {
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), filename).uploadSessionUuid(session).build());
    }

    @Test
    void aSessionConsumerReportsItsStateKeyPollChangesAndPendingSessionEverywhere() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all");
        ConsumerProgress consumer = (ConsumerProgress) context.getRoute(ROUTE).getConsumer();
        assertThat(consumer.getLastPollTimestamp()).isNull();
        String session = "8d0f1b52-0c7e-4b7a-9a7e-3f1e2d4c5b6a";
        inSession(session, "a.pdf");
        inSession(session, "b.pdf");
        letSettle();
        poll();

        assertThat(events().getReceivedCounter()).as("still processing").isZero();
        assertThat(consumer.getStateKey()).isEqualTo(((ParadigmEndpoint) context.getRoute(ROUTE).getEndpoint()).stateKey());
        assertThat(consumer.getLastPollTimestamp()).isNotNull();
        assertThat(consumer.getChangesSeen()).isEqualTo(2);
        assertThat(consumer.getPendingSessions()).isEqualTo(1);

        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("paradigm");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) ((Map<String, Object>) console
                .call(DevConsole.MediaType.JSON)).get("consumers");
        assertThat(consumers).singleElement().satisfies(json -> assertThat(json)
                .containsEntry("routeId", ROUTE)
                .containsEntry("operation", "paradigm:sessionEvents")
                .containsEntry("stateKey", consumer.getStateKey())
                .containsEntry("lastPoll", consumer.getLastPollTimestamp().toInstant().toString())
                .containsEntry("changesSeen", 2L)
                .containsEntry("pendingSessions", 1));
        assertThat((String) console.call(DevConsole.MediaType.TEXT))
                .contains("Consumer " + ROUTE + " (paradigm:sessionEvents)")
                .contains("state key: " + consumer.getStateKey())
                .contains("changes seen: 2, pending sessions: 1");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName managed = server.queryNames(new ObjectName("org.apache.camel:context="
                                                              + context.getManagementName() + ",type=consumers,*"), null)
                .stream().filter(name -> name.toString().contains("SessionEventsConsumer")).findFirst().orElseThrow();
        assertThat(server.getAttribute(managed, "StateKey")).isEqualTo(consumer.getStateKey());
        assertThat(server.getAttribute(managed, "ChangesSeen")).isEqualTo(2L);
        assertThat(server.getAttribute(managed, "PendingSessions")).isEqualTo(1);
        assertThat(server.getAttribute(managed, "LastPollTimestamp")).isEqualTo(consumer.getLastPollTimestamp());
    }
}
