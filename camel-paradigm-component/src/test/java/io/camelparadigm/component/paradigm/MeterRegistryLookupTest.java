package io.camelparadigm.component.paradigm;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry the component binds its meters to, found as camel-micrometer finds its own: with several registries
 * (as in Spring Boot publishing to several systems) the composite one, which publishes to all of them.
 */
class MeterRegistryLookupTest {

    private static double requestMeters(MeterRegistry registry) {
        return registry.find("camel.paradigm.requests").functionCounters().size();
    }

    private static void useAKey(CamelContext context) {
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl("http://127.0.0.1:9");
        paradigm.getConfiguration().setApiKey("a-key-for-the-meters");
        context.getEndpoint("paradigm:listWorkspaces", ParadigmEndpoint.class).getKeyGate();
    }

    @Test
    void withSeveralRegistriesTheCompositeGetsTheMeters() throws Exception {
        SimpleMeterRegistry prometheus = new SimpleMeterRegistry();
        SimpleMeterRegistry jmx = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry().add(prometheus).add(jmx);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("prometheusMeterRegistry", prometheus);
            context.getRegistry().bind("jmxMeterRegistry", jmx);
            context.getRegistry().bind("compositeMeterRegistry", composite);
            context.start();
            useAKey(context);

            assertThat(requestMeters(composite)).isEqualTo(1);
            assertThat(requestMeters(prometheus)).as("through the composite").isEqualTo(1);
            assertThat(requestMeters(jmx)).as("through the composite").isEqualTo(1);
        }
    }

    @Test
    void theRegistryNamedMetricsRegistryWinsOverOthers() throws Exception {
        SimpleMeterRegistry named = new SimpleMeterRegistry();
        SimpleMeterRegistry other = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("metricsRegistry", named);
            context.getRegistry().bind("other", other);
            context.start();
            useAKey(context);

            assertThat(requestMeters(named)).isEqualTo(1);
            assertThat(requestMeters(other)).isZero();
        }
    }
}
