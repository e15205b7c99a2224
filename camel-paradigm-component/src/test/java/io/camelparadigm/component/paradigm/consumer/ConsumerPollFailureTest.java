package io.camelparadigm.component.paradigm.consumer;

import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed polls: Camel's backoff options, the consumer health check and bridgeErrorHandler, as Camel users expect. */
class ConsumerPollFailureTest extends ConsumerTestSupport {

    @Test
    void serverErrorsBackOffAfterTheThresholdAndResumeAfterTheMultiplier() throws Exception {
        consume("paradigm:fileEvents?startFrom=all&backoffErrorThreshold=2&backoffMultiplier=5");
        EMULATOR.faults().failNext(1000, 500);
        List<Integer> requestsAfterEachPoll = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            poll();
            requestsAfterEachPoll.add(EMULATOR.requests().size());
        }

        // two failed polls each sent a request; the next polls are skipped without one; then polling resumes
        assertThat(requestsAfterEachPoll.subList(0, 6)).containsExactly(1, 2, 2, 2, 2, 2);
        assertThat(requestsAfterEachPoll.get(7)).isGreaterThan(2);
    }

    @Test
    void failingPollsMakeTheConsumerHealthCheckDownWithTheHttpStatus() throws Exception {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(registry.resolveById("consumers"));
        consume("paradigm:fileEvents?startFrom=all");
        poll();
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.UP);

        EMULATOR.faults().failNext(1, 500);
        poll();

        HealthCheck.Result down = consumerCheck();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 500);
        assertThat(down.getError()).containsInstanceOf(ParadigmApiException.class);

        poll();
        assertThat(consumerCheck().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    void rejectedKeyReachesTheRouteErrorHandlerWithBridgeErrorHandler() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead"));
                from("paradigm:fileEvents?startFrom=all&startScheduler=false&bridgeErrorHandler=true"
                     + "&apiKey=rejected-key-123").routeId(ROUTE).to("mock:events");
            }
        });
        poll();

        assertThat(received()).isEmpty();
        assertThat(getMockEndpoint("mock:dead").getReceivedExchanges()).singleElement().satisfies(dead -> {
            Exception cause = dead.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(cause).isInstanceOfSatisfying(ParadigmApiException.class,
                    api -> assertThat(api.getHttpStatus()).isEqualTo(401));
            assertThat(cause.getMessage()).doesNotContain("rejected-key-123");
        });
    }

    private HealthCheck.Result consumerCheck() {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(result -> result.getCheck().getId().equals("consumer:" + ROUTE))
                .findFirst().orElseThrow();
    }
}
