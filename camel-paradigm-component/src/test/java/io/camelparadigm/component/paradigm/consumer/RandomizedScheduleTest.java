package io.camelparadigm.component.paradigm.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random schedules, each from its seed: files arriving at random times (some failing to process), every request
 * taking a random time on the service's clock (so statuses change while a consumer walks the pages of a listing),
 * changes committed up to a second after the time they carry, a Date header up to 0.9 s off the clock that stamps
 * updated_at, small pages, batches cut at random, and a route that fails some exchanges. Whatever the schedule, every
 * final status arrives exactly once, and each file's changes arrive in order without repeats. The clock is the
 * emulator's manual clock: nothing here depends on how fast the machine is.
 */
class RandomizedScheduleTest extends ConsumerTestSupport {

    /** Processing order of the statuses the emulator goes through; each file's events must go forward in it. */
    private static final List<String> ORDER =
            List.of("pending", "parsing", "embedding", "embedded", "parsing_failed", "fail");

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    record Delivered(long fileId, String status, String previous, Object body) {
    }

    /** -Dparadigm.randomSchedules=N plays schedules 1 to N; -Dparadigm.randomSchedule=S plays schedule S alone. */
    static Stream<Long> seeds() {
        Long one = Long.getLong("paradigm.randomSchedule");
        return one != null ? Stream.of(one)
                : LongStream.rangeClosed(1, Long.getLong("paradigm.randomSchedules", 24)).boxed();
    }

    @ParameterizedTest(name = "schedule {0}")
    @MethodSource("seeds")
    void fileEventsDeliverEveryFinalStatusOnceAndEachFilesChangesInOrder(long seed) throws Exception {
        Schedule schedule = new Schedule(seed, false);
        startRoute(seed, "paradigm:fileEvents?workspaceId=" + workspaceId() + schedule.options(),
                exchange -> new Delivered(exchange.getMessage().getHeader(ParadigmConstants.FILE_ID, Long.class),
                        exchange.getMessage().getHeader(ParadigmConstants.STATUS, String.class),
                        exchange.getMessage().getHeader(ParadigmConstants.PREVIOUS_STATUS, String.class), null));
        schedule.run();

        List<StoredFile> files = EMULATOR.storedFiles(workspaceId());
        assertThat(files).hasSize(schedule.arrivals());
        Map<Long, List<Delivered>> byFile = new HashMap<>();
        delivered.forEach(event -> byFile.computeIfAbsent(event.fileId(), id -> new ArrayList<>()).add(event));
        for (StoredFile file : files) {
            List<Delivered> events = byFile.getOrDefault(file.id(), List.of());
            assertThat(events).as("events of file %s (%s), %s", file.id(), file.status(), schedule)
                    .isNotEmpty()
                    .filteredOn(event -> event.status().equals(file.status())).hasSize(1);
            assertThat(events.get(events.size() - 1).status()).as("last event of %s", file.id()).isEqualTo(file.status());
            String previous = null;
            for (Delivered event : events) {
                assertThat(event.previous()).as("previous status of %s", event).isEqualTo(previous);
                if (previous != null) {
                    assertThat(ORDER.indexOf(event.status())).as("%s after %s", event, previous)
                            .isGreaterThan(ORDER.indexOf(previous));
                }
                previous = event.status();
            }
        }
    }

    @ParameterizedTest(name = "schedule {0}")
    @MethodSource("seeds")
    void sessionEventsDeliverEveryFinishedSessionOnceWithItsFinalRollUp(long seed) throws Exception {
        Schedule schedule = new Schedule(seed, true);
        startRoute(seed, "paradigm:sessionEvents?workspaceId=" + workspaceId() + schedule.options(),
                exchange -> new Delivered(0, exchange.getMessage().getHeader(ParadigmConstants.SESSION_STATUS,
                        String.class), null, exchange.getMessage().getBody(UploadSessionSummary.class)));
        schedule.run();

        Map<String, List<StoredFile>> sessions = new HashMap<>();
        EMULATOR.storedFiles(workspaceId())
                .forEach(file -> sessions.computeIfAbsent(file.uploadSessionUuid(), uuid -> new ArrayList<>()).add(file));
        List<UploadSessionSummary> summaries = delivered.stream().map(event -> (UploadSessionSummary) event.body())
                .toList();
        assertThat(summaries).as("%s", schedule).extracting(UploadSessionSummary::uploadSessionUuid)
                .containsExactlyInAnyOrderElementsOf(sessions.keySet());
        for (UploadSessionSummary summary : summaries) {
            List<StoredFile> files = sessions.get(summary.uploadSessionUuid());
            assertThat(summary.total()).isEqualTo(files.size());
            assertThat(summary.fileIds()).containsExactlyInAnyOrderElementsOf(files.stream().map(StoredFile::id).toList());
            assertThat(summary.succeeded()).as("%s", summary)
                    .isEqualTo(files.stream().filter(file -> file.status().equals("embedded")).count());
            assertThat(summary.inProgress()).isZero();
        }
    }

    private void startRoute(long seed, String uri, Function<Exchange, Delivered> record) throws Exception {
        Random failures = new Random(seed * 7919);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&startScheduler=false").routeId(ROUTE)
                        .process(exchange -> {
                            attempts.incrementAndGet();
                            if (failures.nextInt(100) < 12) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                        })
                        .process(exchange -> delivered.add(record.apply(exchange)));
            }
        });
    }

    /** One random schedule of arrivals, request times, polls and faults, played on the emulator's manual clock. */
    private final class Schedule {

        private final long seed;
        private final Random random;
        private final boolean sessions;
        private final List<Duration> arrivalOffsets = new ArrayList<>();
        private final List<String> arrivalNames = new ArrayList<>();
        private final List<String> arrivalSessions = new ArrayList<>();
        private final String options;
        private final Duration maxRequestTime;
        private Instant start;
        private int arrived;

        Schedule(long seed, boolean sessions) {
            this.seed = seed;
            this.random = new Random(seed);
            this.sessions = sessions;
            int files = 20 + random.nextInt(60);
            Duration horizon = Duration.ofSeconds(60 + random.nextInt(240));
            String session = "s-0";
            Duration sessionStart = Duration.ZERO;
            for (int i = 0; i < files; i++) {
                Duration offset = Duration.ofMillis((long) (random.nextDouble() * horizon.toMillis()));
                arrivalOffsets.add(offset);
            }
            arrivalOffsets.sort(null);
            for (int i = 0; i < files; i++) {
                int kind = random.nextInt(10);
                arrivalNames.add("doc-" + i + (kind == 0 ? "-parse-fails" : kind == 1 ? "-fails" : "") + ".pdf");
                // a session takes the files arriving within a third of a step of its first: none is final before
                // the last one joins, so each session finishes once
                if (arrivalOffsets.get(i).minus(sessionStart).compareTo(STEP.dividedBy(3)) > 0
                    || random.nextInt(4) == 0) {
                    session = "s-" + i;
                    sessionStart = arrivalOffsets.get(i);
                }
                arrivalSessions.add(session);
            }
            this.maxRequestTime = Duration.ofMillis(200 + random.nextInt(6_000));
            String startFrom = random.nextBoolean() ? "all" : "now";
            int pageSize = 3 + random.nextInt(6);
            int maxMessagesPerPoll = List.of(0, 2, 5, 1000).get(random.nextInt(4));
            this.options = "&startFrom=" + startFrom + "&pageSize=" + pageSize + "&maxMessagesPerPoll=" + maxMessagesPerPoll;
        }

        String options() {
            return options;
        }

        int arrivals() {
            return arrivalOffsets.size();
        }

        void run() {
            EMULATOR.scriptFailure("-parse-fails", "parsing_failed", "The PDF is encrypted");
            EMULATOR.scriptFailure("-fails", "fail", "Unsupported format");
            EMULATOR.faults().commitDelay(Duration.ofMillis(random.nextInt(1_000)), seed)
                    .dateSkew(Duration.ofMillis(random.nextInt(1_800) - 900));
            start = EMULATOR.now();
            Random requestTimes = new Random(seed * 31);
            EMULATOR.onRequest(request -> {
                EMULATOR.advance(Duration.ofMillis((long) (requestTimes.nextDouble() * maxRequestTime.toMillis())));
                arrive();
            });
            Instant end = start.plus(arrivalOffsets.get(arrivalOffsets.size() - 1)).plus(STEP.multipliedBy(4));
            while (EMULATOR.now().isBefore(end)) {
                poll();
                EMULATOR.advance(Duration.ofMillis(500 + random.nextInt(40_000)));
                arrive();
            }
            // every file is final and settled: poll until three polls in a row deliver nothing new
            EMULATOR.advance(Duration.ofSeconds(10));
            int quiet = 0;
            for (int polls = 0; quiet < 3 && polls < 100; polls++) {
                int before = attempts.get();
                poll();
                quiet = attempts.get() == before ? quiet + 1 : 0;
            }
        }

        private synchronized void arrive() {
            while (arrived < arrivalOffsets.size()
                   && !start.plus(arrivalOffsets.get(arrived)).isAfter(EMULATOR.now())) {
                SeedFile.Builder file = SeedFile.builder(workspaceId(), arrivalNames.get(arrived));
                if (sessions) {
                    file.uploadSessionUuid(UUID.nameUUIDFromBytes((arrivalSessions.get(arrived) + "-" + seed)
                            .getBytes(StandardCharsets.UTF_8)).toString());
                }
                EMULATOR.seedFile(file.build());
                arrived++;
            }
        }

        @Override
        public String toString() {
            return "schedule " + seed + " (" + arrivals() + " files, requests up to " + maxRequestTime.toMillis()
                   + " ms" + options + ")";
        }
    }
}
