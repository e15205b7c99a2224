package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Consumer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * master: stops the consumer from its own thread when the leadership is lost, while a poll may be sending an exchange
 * that will still complete (a database write does not stop on an interrupt). The repository must hold that change when
 * the stop returns: another instance may read it right after, and would deliver the change again.
 */
class StopDuringPollTest extends ConsumerTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String EVENTS =
            "paradigm:fileEvents?startFrom=all&stateRepository=#state&stateKey=events&startScheduler=false";

    private final CountDownLatch inRoute = new CountDownLatch(1);
    private final CountDownLatch finishRoute = new CountDownLatch(1);
    private final MemoryStateRepository repository = new MemoryStateRepository();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private long first;
    private long second;

    /** Two documents the service holds before the consumer starts, and the repository the consumer saves to. */
    @BeforeEach
    void twoDocumentsAndTheRepository() {
        first = seed("a.pdf");
        second = seed("b.pdf");
        letSettle();
        context.getRegistry().bind("state", repository);
    }

    @Test
    void aStopFromAnotherThreadReturnsOnceTheChangeInFlightIsSavedAndNothingIsWrittenAfter() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a stopped consumer stops its route's processors: an exchange fails at its next step (Camel's error
                // handler rejects it), but one in its last step completes after the stop began
                errorHandler(noErrorHandler());
                from(EVENTS)
                        .routeId(ROUTE)
                        .process(exchange -> {
                            inRoute.countDown();
                            assertThat(finishRoute.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                            delivered.add(describe(exchange));
                        });
            }
        });
        Consumer consumer = context.getRoute(ROUTE).getConsumer();
        CompletableFuture<Void> polled = CompletableFuture.runAsync(this::poll);
        assertThat(inRoute.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> stateWhenStopped = CompletableFuture.supplyAsync(() -> {
            ServiceHelper.stopService(consumer);
            return repository.getState("events");
        });
        awaitStopping((ServiceSupport) consumer);
        finishRoute.countDown();
        String saved = stateWhenStopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        polled.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(delivered).containsExactly(first + ":pending");
        assertThat(saved).as("the state when the stop returned").contains("\"" + first + "\":{\"status\":\"pending\"");
        assertThat(repository.getState("events")).as("written after the stop returned").isEqualTo(saved);

        ServiceHelper.startService(consumer); // the next leader: the change in flight is not delivered again
        poll();
        assertThat(delivered).isEqualTo(List.of(first + ":pending", second + ":pending"));
    }

    /**
     * The route's error handler checks at each step that it still runs. Stopping the route's processors (which a
     * consumer's stop does) before the poll in progress ended rejected its exchange after the step in progress, whose
     * work was done: the change was delivered but not committed, and the next leader delivered it again.
     */
    @Test
    void anExchangeInTheRouteWhenTheStopBeginsCompletesAndIsNotDeliveredAgain() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(EVENTS)
                        .routeId(ROUTE)
                        .process(exchange -> { // the work of the route: a database write, say
                            inRoute.countDown();
                            assertThat(finishRoute.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                        })
                        .process(exchange -> delivered.add(describe(exchange)));
            }
        });
        Consumer consumer = context.getRoute(ROUTE).getConsumer();
        CompletableFuture<Void> polled = CompletableFuture.runAsync(this::poll);
        assertThat(inRoute.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> ServiceHelper.stopService(consumer));
        awaitStopping((ServiceSupport) consumer);
        finishRoute.countDown();
        stopped.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        polled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(delivered).as("the exchange in the route when the stop began").containsExactly(first + ":pending");

        ServiceHelper.startService(consumer);
        poll();
        assertThat(delivered).isEqualTo(List.of(first + ":pending", second + ":pending"));
    }

    private static void awaitStopping(ServiceSupport consumer) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!consumer.isStoppingOrStopped() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(consumer.isStoppingOrStopped()).as("stopping").isTrue();
    }
}
