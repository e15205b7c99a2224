package io.camelparadigm.component.paradigm.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listings that take longer than the overlap, with files changing, appearing and committing late while the consumer
 * walks the pages: nothing is lost, nothing is delivered twice, and a listing cut by maxMessagesPerPoll or a stop
 * resumes where it was.
 */
class ChangesDuringListingTest extends ConsumerTestSupport {

    @TempDir
    Path tempDir;

    @Test
    void listingLongerThanTheOverlapMissesNoFinalStatus() throws Exception {
        // the defect measured: 18-20 pages over ~3 s, longer than the 2 s overlap, while files kept finishing
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(seed("doc-" + i + ".pdf"));
            EMULATOR.advance(Duration.ofMillis(2_200)); // 40 files over 88 s: some finish during every listing
        }
        EMULATOR.onRequest(request -> EMULATOR.advance(Duration.ofMillis(150))); // each page takes 150 ms
        consume("paradigm:fileEvents?startFrom=all&terminalOnly=true&pageSize=2");
        Instant allFinished = EMULATOR.now().plus(STEP.multipliedBy(3)).plusSeconds(5);
        while (EMULATOR.now().isBefore(allFinished)) {
            poll();
            EMULATOR.advance(Duration.ofSeconds(1));
        }

        assertThat(received()).hasSize(40).allMatch(event -> event.contains(":embedded<-"))
                .extracting(event -> Long.parseLong(event.substring(0, event.indexOf(':'))))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void filesChangingAndAppearingBetweenPagesAreNeitherSkippedNorRepeated() throws Exception {
        List<Long> ids = new CopyOnWriteArrayList<>();
        IntStream.range(0, 12).forEach(i -> ids.add(seed("early-" + i + ".pdf")));
        letSettle();
        AtomicInteger pages = new AtomicInteger();
        AtomicBoolean busy = new AtomicBoolean(true);
        EMULATOR.onRequest(request -> {
            if (busy.get() && pages.incrementAndGet() % 2 == 0) {
                step(); // between two pages every file moves on, and a new one arrives
                ids.add(seed("late-" + pages.get() + ".pdf"));
            }
        });
        consume("paradigm:fileEvents?startFrom=all&pageSize=3");
        for (int i = 0; i < 6; i++) {
            poll();
        }
        busy.set(false);
        EMULATOR.completeAll();
        letSettle();
        poll();

        assertThat(received()).doesNotHaveDuplicates();
        for (long id : ids) {
            List<String> statuses = received().stream().filter(event -> event.startsWith(id + ":"))
                    .map(event -> event.substring(event.indexOf(':') + 1).replaceAll("<-.*", "")).toList();
            assertThat(statuses).as("events of %s", id).doesNotHaveDuplicates().last().isEqualTo("embedded");
        }
    }

    @Test
    void changeCommittedAfterTheListingThatShouldHaveShownItArrivesInALaterPoll() throws Exception {
        // rows stamped when their transaction starts, visible up to 1.9 s later; the Date header 0.1 s ahead
        EMULATOR.faults().commitDelay(Duration.ofMillis(1_900), 7).dateSkew(Duration.ofMillis(100));
        List<Long> ids = IntStream.range(0, 30).mapToObj(i -> seed("doc-" + i + ".pdf")).toList();
        consume("paradigm:fileEvents?startFrom=all&terminalOnly=true&pageSize=4");
        Instant done = EMULATOR.now().plus(STEP.multipliedBy(3)).plusSeconds(5);
        while (EMULATOR.now().isBefore(done)) {
            poll();
            EMULATOR.advance(Duration.ofMillis(700)); // polls every 0.7 s: changes are often not visible yet
        }

        assertThat(received()).hasSize(30).doesNotHaveDuplicates().allMatch(event -> event.contains(":embedded<-"));
        assertThat(received()).extracting(event -> Long.parseLong(event.substring(0, event.indexOf(':'))))
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void maxMessagesPerPollCutsTheListingIntoBatchesThatContinueWithoutRefetchingPages() throws Exception {
        IntStream.range(0, 25).forEach(i -> seed("doc-" + i + ".pdf"));
        letSettle();
        consume("paradigm:fileEvents?startFrom=all&pageSize=10&maxMessagesPerPoll=7");
        EMULATOR.clearRequests();
        poll(); // one scheduled run: the consumer polls again at once while its listing goes on

        assertThat(received()).hasSize(25).doesNotHaveDuplicates();
        List<Exchange> exchanges = events().getReceivedExchanges();
        assertThat(exchanges).extracting(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class))
                .containsExactlyElementsOf(List.of(7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 4, 4,
                        4, 4));
        assertThat(exchanges.get(6).getProperty(Exchange.BATCH_COMPLETE, Boolean.class)).isTrue();
        assertThat(exchanges.get(7).getProperty(Exchange.BATCH_INDEX, Integer.class)).isZero();
        assertThat(listings()).as("three pages of 10, each fetched once").hasSize(3);
    }

    @Test
    void listingStoppedHalfWayResumesFromItsPositionAfterARestart() throws Exception {
        Path store = tempDir.resolve("state.dat");
        List<Long> ids = IntStream.range(0, 25).mapToObj(i -> seed("doc-" + i + ".pdf")).toList();
        letSettle();
        List<String> delivered = new CopyOnWriteArrayList<>();

        CamelContext first = application(store, delivered);
        consumerOf(first).poll(); // one poll: one batch of 7, then the application stops
        first.stop();
        assertThat(delivered).hasSize(7);

        EMULATOR.clearRequests();
        CamelContext second = application(store, delivered);
        consumerOf(second).run();
        second.stop();

        assertThat(delivered).hasSize(25).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + ":pending").toList());
        assertThat(listings().get(0).query()).as("the second application continues from the position saved")
                .contains("created_at_after=");
    }

    @Test
    void filesCreatedInTheSameMicrosecondBeyondAPageAreEachDeliveredOnce() throws Exception {
        Instant sameInstant = EMULATOR.now();
        List<Long> ids = IntStream.range(0, 9).mapToObj(i -> EMULATOR.seedFile(
                SeedFile.builder(workspaceId(), "twin-" + i + ".pdf").createdAt(sameInstant).build())).toList();
        letSettle();
        consume("paradigm:fileEvents?startFrom=all&pageSize=2&maxMessagesPerPoll=3");
        poll();

        assertThat(received()).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + ":pending").toList());
    }

    @Test
    void stateIsWrittenOnlyWhenItChanged() throws Exception {
        CountingStateRepository repository = new CountingStateRepository();
        context.getRegistry().bind("counting", repository);
        consume("paradigm:fileEvents?startFrom=all&stateRepository=#counting");
        long id = seed("a.pdf");
        letSettle();
        poll();
        int afterChange = repository.writes.get();
        poll();
        poll();
        poll();

        assertThat(received()).containsExactly(id + ":pending");
        assertThat(afterChange).isPositive();
        assertThat(repository.writes.get()).as("idle polls write nothing").isEqualTo(afterChange);
    }

    private static boolean isListingOfChanges(RecordedRequest request) {
        return request.path().equals("/api/v3/files") && request.query() != null
               && request.query().contains("ordering=created_at");
    }

    private static List<RecordedRequest> listings() {
        return EMULATOR.requests().stream().filter(ChangesDuringListingTest::isListingOfChanges).toList();
    }

    private static ParadigmPollingConsumer consumerOf(CamelContext camel) {
        return (ParadigmPollingConsumer) camel.getRoute(ROUTE).getConsumer();
    }

    private static CamelContext application(Path store, List<String> delivered) throws Exception {
        return ConsumerTestSupport.application(store, new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&pageSize=10&maxMessagesPerPoll=7&stateRepository=#state"
                     + "&startScheduler=false").routeId(ROUTE)
                        .process(exchange -> delivered.add(describe(exchange)));
            }
        });
    }

    /** A state repository in memory that counts the writes. */
    static final class CountingStateRepository extends org.apache.camel.support.processor.state.MemoryStateRepository {
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public void setState(String key, String value) {
            writes.incrementAndGet();
            super.setState(key, value);
        }
    }
}
