package io.camelparadigm.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.SeedFile;

/**
 * Files arriving at a steady rate on an emulator on the wall clock that answers every request after a latency, each
 * file walking pending, parsing, embedding, embedded (1 s each), followed by {@code paradigm:fileEvents} with
 * terminalOnly=true and every other option at its default: how many final statuses are lost, how many come twice.
 */
final class ConsumerDeliveryRun {

    /** What one run printed. */
    record Figures(String scenario, int files, int arrivalsPerSecond, long latencyMs, long commitDelayMs,
                   long finalEvents, long lost, long duplicates, long listingRequests, double seconds) {
    }

    private ConsumerDeliveryRun() {
    }

    static Figures run(String scenario, int files, int arrivalsPerSecond, Duration latency, Duration commitDelay,
                       String consumerOptions, Duration patience) throws Exception {
        try (ParadigmEmulator emulator = ParadigmEmulator.builder().realClock().build().start()) {
            emulator.faults().latency(latency).commitDelay(commitDelay, 1);
            EventTally tally = new EventTally();
            String uri = "paradigm:fileEvents?workspaceId=" + emulator.workspaceId() + "&terminalOnly=true"
                         + "&initialDelay=0" + (consumerOptions.isBlank() ? "" : "&" + consumerOptions);
            long started = System.nanoTime();
            try (ConsumerApplication ignored = ConsumerApplication.start(emulator, uri, tally)) {
                List<Long> ids = arrive(emulator, files, arrivalsPerSecond);
                awaitDelivered(tally, files, patience);
                double seconds = (System.nanoTime() - started) / 1e9;
                long listings = emulator.requests().stream()
                        .filter(r -> r.method().equals("GET") && r.path().equals("/api/v3/files")).count();
                return new Figures(scenario, files, arrivalsPerSecond, latency.toMillis(), commitDelay.toMillis(),
                        tally.total(), tally.lost(ids), tally.duplicates(), listings,
                        Math.round(seconds * 10) / 10.0);
            }
        }
    }

    /** Creates {@code files} files, one every 1/rate seconds. */
    private static List<Long> arrive(ParadigmEmulator emulator, int files, int perSecond) {
        List<Long> ids = new ArrayList<>(files);
        long start = System.nanoTime();
        for (int i = 0; i < files; i++) {
            long due = start + i * 1_000_000_000L / perSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            ids.add(emulator.seedFile(SeedFile.builder(emulator.workspaceId(), "doc-" + i + ".pdf").build()));
        }
        return ids;
    }

    /** Waits until every file has its event, or until no event came for {@code patience}. */
    private static void awaitDelivered(EventTally tally, int files, Duration patience) {
        long lastProgress = System.nanoTime();
        int seen = -1;
        while (tally.distinct() < files && System.nanoTime() - lastProgress < patience.toNanos()) {
            if (tally.distinct() != seen) {
                seen = tally.distinct();
                lastProgress = System.nanoTime();
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
