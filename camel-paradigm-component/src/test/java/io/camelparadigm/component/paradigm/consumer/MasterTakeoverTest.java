package io.camelparadigm.component.paradigm.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances behind master: with a shared lock root and state file; the survivor continues the stream. */
class MasterTakeoverTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock()
            .stepDuration(ConsumerTestSupport.STEP).build();

    @TempDir
    Path shared;

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void standbyTakesOverFromTheSharedStateWithNothingLost() throws Exception {
        EMULATOR.reset();
        List<Long> ids = List.of(seed("a.pdf"), seed("b.pdf"), seed("c.pdf"));
        EMULATOR.advance(ConsumerTestSupport.STEP.dividedBy(2)); // past the overlap
        CamelContext first = instance("first");
        CamelContext second = instance("second");
        try {
            awaitDelivered(3);
            String leader = delivered.get(0).split(" ")[0];
            CamelContext active = leader.equals("first") ? first : second;
            String standby = leader.equals("first") ? "second" : "first";
            assertThat(delivered).allMatch(event -> event.startsWith(leader + " "));

            active.stop();
            EMULATOR.completeAll();
            EMULATOR.advance(ConsumerTestSupport.STEP.dividedBy(2)); // past the overlap
            awaitDelivered(6);

            List<String> afterTakeover = delivered.subList(3, 6);
            assertThat(afterTakeover).allMatch(event -> event.startsWith(standby + " "));
            assertThat(afterTakeover).containsExactlyInAnyOrderElementsOf(
                    ids.stream().map(id -> standby + " " + id + ":embedded<-pending").toList());
            awaitListings(EMULATOR.requests().size() + 3); // a few more polls of the new leader: nothing is repeated
            assertThat(delivered).hasSize(6);
        } finally {
            first.stop();
            second.stop();
        }
    }

    private CamelContext instance(String name) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        ParadigmComponent paradigm = camel.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
        paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(shared.resolve("locks").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(50, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        // started when the instance boots (as an application container would): the standby holds a copy of the file
        // that is stale by the time it is elected; it must continue from the shared state, not from that copy
        FileStateRepository state = FileStateRepository.fileStateRepository(shared.resolve("state.dat").toFile());
        state.start();
        camel.getRegistry().bind("paradigmState", state);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:paradigm-events:paradigm:fileEvents?startFrom=all&stateRepository=#paradigmState"
                     + "&stateKey=events&initialDelay=0&delay=50")
                        .process(exchange -> delivered.add(name + " " + ConsumerTestSupport.describe(exchange)));
            }
        });
        camel.start();
        return camel;
    }

    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void awaitListings(int requests) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (EMULATOR.requests().size() < requests && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(EMULATOR.requests()).hasSizeGreaterThanOrEqualTo(requests);
    }

    private static long seed(String filename) {
        return EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), filename).build());
    }
}
