package io.camelparadigm.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.emulator.ParadigmEmulator;

/**
 * Requests per poll of {@code paradigm:fileEvents} on a large workspace (emulator on a manual clock, so each poll sees
 * exactly the changes made for it): idle, on the poll after a burst of new files, after a burst of status changes, after
 * they finished, and on the idle polls that follow, against the bound ceil(changes / pageSize) + 1 (plus the one
 * request with which a startFrom=now consumer reads the service's clock on its first poll).
 */
final class ConsumerRequestsRun {

    private static final Duration STEP = Duration.ofMinutes(10);
    private static final Duration POLL_DELAY = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(15);

    /** One poll. */
    record Poll(String scenario, int workspaceFiles, String phase, int changes, long requests, long bound) {
    }

    private ConsumerRequestsRun() {
    }

    static List<Poll> run(String scenario, int workspaceFiles, List<Integer> bursts, int idlePolls, int pageSize)
            throws Exception {
        List<Poll> polls = new ArrayList<>();
        try (ParadigmEmulator emulator = ParadigmEmulator.builder().manualClock().stepDuration(STEP).build().start()) {
            emulator.seedFiles(emulator.workspaceId(), workspaceFiles, "bulk-");
            emulator.completeAll();
            emulator.advance(Duration.ofHours(1));
            EventTally tally = new EventTally();
            String uri = "paradigm:fileEvents?workspaceId=" + emulator.workspaceId() + "&pageSize=" + pageSize
                         + "&startFrom=now&startScheduler=false";
            try (ConsumerApplication consumer = ConsumerApplication.start(emulator, uri, tally)) {
                Measured measured = new Measured(emulator, consumer, polls, scenario, workspaceFiles, pageSize);
                measured.poll("first poll (+1 request: reads the service's clock once)", 0, 1);
                measured.idle(idlePolls);
                for (int burst : bursts) {
                    emulator.seedFiles(emulator.workspaceId(), burst, "burst-" + burst + "-");
                    emulator.advance(SETTLE);
                    measured.poll("after " + burst + " new files", burst, 0);
                    measured.idle(idlePolls);
                    emulator.advance(STEP); // every file of the burst moves from pending to parsing
                    measured.poll("after " + burst + " status changes", burst, 0);
                    measured.idle(idlePolls);
                    emulator.completeAll(); // and on to embedded, before the next burst
                    emulator.advance(SETTLE);
                    measured.poll("after " + burst + " files finished", burst, 0);
                    measured.idle(idlePolls);
                }
            }
        }
        return polls;
    }

    private record Measured(ParadigmEmulator emulator, ConsumerApplication consumer, List<Poll> polls,
                            String scenario, int workspaceFiles, int pageSize) {

        void poll(String phase, int changes, int startCost) {
            emulator.clearRequests();
            consumer.poll();
            long requests = emulator.requests().size();
            polls.add(new Poll(scenario, workspaceFiles, phase, changes, requests,
                    (changes + pageSize - 1) / pageSize + 1 + startCost));
        }

        void idle(int count) {
            for (int i = 0; i < count; i++) {
                emulator.advance(POLL_DELAY);
                poll("idle", 0, 0);
            }
        }
    }
}
