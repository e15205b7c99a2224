package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** With Camel's producer health checks on, each paradigm: producer reports whether its key is accepted. */
class ProducerHealthCheckTest {

    private static final String REJECTED_KEY = "rejected-key-5e4d3c2b1a";

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock().build();

    @BeforeEach
    void resetEmulator() {
        EMULATOR.reset();
    }

    @Test
    void producerWithAGoodKeyIsUpAndOneWithARejectedKeyIsDownWithTheStatusButNotTheKey() throws Exception {
        try (CamelContext context = contextWithProducerChecks(true)) {
            List<HealthCheck.Result> results = producerChecks(context);

            assertThat(results).hasSize(2);
            assertThat(results).filteredOn(r -> r.getState() == HealthCheck.State.UP).hasSize(1);
            HealthCheck.Result down = results.stream().filter(r -> r.getState() == HealthCheck.State.DOWN)
                    .findFirst().orElseThrow();
            assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
            assertThat(down.getError()).containsInstanceOf(ParadigmApiException.class);
            assertThat(down.getMessage()).hasValueSatisfying(message ->
                    assertThat(message).contains("401").doesNotContain(REJECTED_KEY));
            assertThat(String.valueOf(down.getDetails())).doesNotContain(REJECTED_KEY);
        }
    }

    @Test
    void producerGoesDownWhenTheServiceFailsAndUpAgainWhenItRecovers() throws Exception {
        try (CamelContext context = contextWithProducerChecks(false)) {
            EMULATOR.faults().failNext(1, 503);
            assertThat(producerChecks(context)).singleElement()
                    .satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.DOWN));

            assertThat(producerChecks(context)).singleElement()
                    .satisfies(r -> assertThat(r.getState()).isEqualTo(HealthCheck.State.UP));
        }
    }

    private static CamelContext contextWithProducerChecks(boolean withRejectedKey) throws Exception {
        CamelContext context = new DefaultCamelContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        registry.setExposureLevel("full"); // the default level hides UP checks while another one is DOWN
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
        paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:good").to("paradigm:upload?workspaceId=" + EMULATOR.workspaceId());
                if (withRejectedKey) {
                    from("direct:rejected").to("paradigm:upload?apiKey=" + REJECTED_KEY);
                }
            }
        });
        context.start();
        return context;
    }

    private static List<HealthCheck.Result> producerChecks(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:paradigm-"))
                .toList();
    }
}
