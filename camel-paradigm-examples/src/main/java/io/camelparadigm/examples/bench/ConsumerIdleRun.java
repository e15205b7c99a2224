package io.camelparadigm.examples.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.SeedFile;

/**
 * An idle workspace followed by {@code paradigm:fileEvents} and {@code paradigm:sessionEvents} at their default
 * cadence, on the wall clock: requests per minute each, and their share of a key's budget of 1,000 a minute.
 */
final class ConsumerIdleRun {

    private static final double BUDGET_PER_MINUTE = 1_000;

    record Figures(String scenario, String consumer, double seconds, long requests, double requestsPerMinute,
                   double budgetPercent) {
    }

    private ConsumerIdleRun() {
    }

    static Figures run(String scenario, String operation, int workspaceFiles, Duration duration) throws Exception {
        try (ParadigmEmulator emulator = ParadigmEmulator.builder().realClock().stepDuration(Duration.ZERO).build()
                .start()) {
            Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
            for (int i = 0; i < workspaceFiles; i++) { // processed long ago: nothing changes while it is watched
                emulator.seedFile(SeedFile.builder(emulator.workspaceId(), "idle-" + i + ".pdf").createdAt(anHourAgo)
                        .build());
            }
            String uri = "paradigm:" + operation + "?workspaceId=" + emulator.workspaceId() + "&initialDelay=0";
            try (ConsumerApplication ignored = ConsumerApplication.start(emulator, uri, new EventTally())) {
                long started = System.nanoTime();
                LockSupport.parkNanos(duration.toNanos());
                double seconds = (System.nanoTime() - started) / 1e9;
                long requests = emulator.requests().size();
                double perMinute = requests * 60 / seconds;
                return new Figures(scenario, operation, Math.round(seconds * 10) / 10.0, requests,
                        Math.round(perMinute * 10) / 10.0, Math.round(perMinute / BUDGET_PER_MINUTE * 1000) / 10.0);
            }
        }
    }
}
