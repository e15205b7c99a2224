package io.camelparadigm.examples.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paradigm-bench consumer}: measures {@code paradigm:fileEvents} (and the idle cost of sessionEvents) against
 * the emulator in this JVM, and prints one JSON line per figure. See docs/benchmarks.md.
 */
@Command(name = "consumer", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
         description = { "Measures the paradigm:fileEvents consumer against an in-process emulator. Modes:",
             "  delivery  files arriving at --rate per second, every request answered after --latency-ms: final "
             + "statuses lost and delivered twice (terminalOnly=true, other options at their defaults)",
             "  requests  requests per poll on a workspace of --workspace-files files: idle, after --bursts of new "
             + "files and of status changes, and the idle polls after them (manual clock)",
             "  idle      requests per minute of fileEvents and sessionEvents at their default cadence, for "
             + "--seconds",
             "  heap      peak heap of a consumer in a child JVM at --child-heap for each --start-from, on "
             + "--workspace-files files" },
         footer = { "", "Exit status: 0 when no final status was lost or duplicated, every poll kept to its bound "
                        + "and every heap run finished; 1 otherwise; 2 bad options." })
public final class ConsumerBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mode", required = true, description = "delivery, requests, idle or heap.")
    String mode;

    @Option(names = "--scenario", description = "Label printed in each JSON line.", defaultValue = "custom")
    String scenario;

    @Option(names = "--files", description = "delivery: files arriving; default ${DEFAULT-VALUE}.",
            defaultValue = "6000")
    int files;

    @Option(names = "--rate", description = "delivery: files arriving per second; default ${DEFAULT-VALUE}.",
            defaultValue = "400")
    int rate;

    @Option(names = "--latency-ms", description = "delivery: the emulator answers each request after this long; "
                                                  + "default ${DEFAULT-VALUE}.", defaultValue = "220")
    long latencyMs;

    @Option(names = "--commit-delay-ms", description = "delivery: status changes become visible up to this long "
                                                       + "after their updated_at; default ${DEFAULT-VALUE}.",
            defaultValue = "0")
    long commitDelayMs;

    @Option(names = "--consumer-options", paramLabel = "<k=v&k=v>",
            description = "delivery: extra paradigm:fileEvents options, e.g. delay=1000.", defaultValue = "")
    String consumerOptions;

    @Option(names = "--patience-s", description = "delivery: give up waiting when no event came for this long; "
                                                  + "default ${DEFAULT-VALUE}.", defaultValue = "60")
    long patienceSeconds;

    @Option(names = "--workspace-files", description = "requests, heap (default 100000), idle (default 1000): files "
                                                       + "in the workspace.")
    Integer workspaceFiles;

    @Option(names = "--bursts", split = ",", description = "requests: burst sizes; default ${DEFAULT-VALUE}.",
            defaultValue = "100,1000,10000")
    List<Integer> bursts;

    @Option(names = "--idle-polls", description = "requests: idle polls measured after each burst; default "
                                                  + "${DEFAULT-VALUE}.", defaultValue = "3")
    int idlePolls;

    @Option(names = "--page-size", description = "requests: the consumer's pageSize; default ${DEFAULT-VALUE}.",
            defaultValue = "100")
    int pageSize;

    @Option(names = "--seconds", description = "idle: how long each consumer is watched; default ${DEFAULT-VALUE}.",
            defaultValue = "60")
    long seconds;

    @Option(names = "--start-from", split = ",", description = "heap: all, now, instant; default ${DEFAULT-VALUE}.",
            defaultValue = "all,now,instant")
    List<String> startFrom;

    @Option(names = "--child-heap", description = "heap: -Xmx of the consumer's JVM; default ${DEFAULT-VALUE}.",
            defaultValue = "64m")
    String childHeap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        List<Object> figures = new ArrayList<>();
        boolean ok = switch (mode) {
            case "delivery" -> {
                ConsumerDeliveryRun.Figures run = ConsumerDeliveryRun.run(scenario, files, rate,
                        Duration.ofMillis(latencyMs), Duration.ofMillis(commitDelayMs), consumerOptions,
                        Duration.ofSeconds(patienceSeconds));
                figures.add(run);
                yield run.lost() == 0 && run.duplicates() == 0;
            }
            case "requests" -> {
                List<ConsumerRequestsRun.Poll> polls = ConsumerRequestsRun.run(scenario, workspaceFiles(100_000),
                        bursts, idlePolls, pageSize);
                figures.addAll(polls);
                yield polls.stream().allMatch(poll -> poll.requests() <= poll.bound());
            }
            case "idle" -> {
                for (String operation : List.of("fileEvents", "sessionEvents")) {
                    figures.add(ConsumerIdleRun.run(scenario, operation, workspaceFiles(1_000),
                            Duration.ofSeconds(seconds)));
                }
                yield true;
            }
            case "heap" -> {
                boolean finished = true;
                for (String start : startFrom) {
                    ConsumerHeapRun.Figures run = ConsumerHeapRun.run(scenario, start, workspaceFiles(100_000),
                            childHeap);
                    figures.add(run);
                    out.println(json.writeValueAsString(run));
                    out.flush();
                    finished &= run.error() == null && run.lost() == 0 && run.duplicates() == 0;
                }
                figures.clear();
                yield finished;
            }
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--mode must be delivery, requests, idle or heap, not '" + mode + "'");
        };
        for (Object figure : figures) {
            out.println(json.writeValueAsString(figure));
        }
        out.flush();
        return ok ? 0 : 1;
    }

    private int workspaceFiles(int defaultCount) {
        return workspaceFiles != null ? workspaceFiles : defaultCount;
    }
}
