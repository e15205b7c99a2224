package io.camelparadigm.examples.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The benchmark command: starts the emulator (wall clock) with the given latency, limits and faults, uploads
 * generated files through a Camel route with the component and through a plain HttpClient 5 uploader, and prints
 * one JSON line. See docs/benchmarks.md.
 */
@Command(name = "paradigm-bench", mixinStandardHelpOptions = true, version = "camel-paradigm bench 0.1.0",
         sortOptions = false, usageHelpAutoWidth = true,
         subcommands = {ConsumerBenchCommand.class, FolderUploaderBench.class},
         description = "Uploads N generated files of size S at concurrency C to an in-process Paradigm emulator, "
                       + "through the paradigm: component and through a plain HttpClient 5 uploader, and prints "
                       + "one JSON line with the figures of both.",
         footer = { "", "Exit status: 0 when the component stored every file exactly once with no failure "
                        + "(or did not run), 1 otherwise, 2 bad options." })
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", description = "Label printed in the JSON line.", defaultValue = "custom")
    String scenario;

    @Option(names = "--files", description = "Files to upload (N); default ${DEFAULT-VALUE}.", defaultValue = "2000")
    int files;

    @Option(names = "--size", converter = ByteSize.class, paramLabel = "<size>",
            description = "Size of each file (S): 512, 100KB, 1GB; default ${DEFAULT-VALUE}.", defaultValue = "100KB")
    long size;

    @Option(names = "--concurrency", description = "Uploads in flight (C): the splitter's threads and the plain "
                                                   + "uploader's; default ${DEFAULT-VALUE}.", defaultValue = "50")
    int concurrency;

    @Option(names = "--latency-ms", description = "Emulator latency added to every answer; default ${DEFAULT-VALUE}.",
            defaultValue = "50")
    long latencyMs;

    @Option(names = "--rate-limit", description = "Requests per minute the emulator admits (sliding 60 s window), "
                                                  + "429 + Retry-After beyond; 0 = unlimited (default).",
            defaultValue = "0")
    int rateLimitPerMinute;

    @Option(names = "--max-concurrent-uploads", description = "Uploads in flight per upload session the emulator "
                                                              + "admits, 429 beyond; 0 = unlimited (default).",
            defaultValue = "0")
    int maxConcurrentUploads;

    @Option(names = "--too-many-requests", description = "Fraction of requests answered 429; default 0.",
            defaultValue = "0")
    double tooManyRequests;

    @Option(names = "--bad-gateway", description = "Fraction of requests answered 502; default 0.", defaultValue = "0")
    double badGateway;

    @Option(names = "--drops", description = "Fraction of requests whose connection is closed unanswered; default 0.",
            defaultValue = "0")
    double drops;

    @Option(names = "--lost-answers", description = "Uploads stored whose answer is then lost; default 0.",
            defaultValue = "0")
    int lostAnswers;

    @Option(names = "--retry-after", description = "Retry-After (s) of injected 429s; default ${DEFAULT-VALUE}.",
            defaultValue = "1")
    int retryAfterSeconds;

    @Option(names = "--seed", description = "Seed of the file contents and of the random faults; default "
                                            + "${DEFAULT-VALUE}.", defaultValue = "42")
    long seed;

    @Option(names = "--uploaders", split = ",", description = "component, plain or both (default).",
            defaultValue = "component,plain")
    List<String> uploaders;

    @Option(names = "--warmup", description = "Small files each uploader sends to a separate faultless emulator "
                                              + "before it is measured; default ${DEFAULT-VALUE}.", defaultValue = "200")
    int warmup;

    @Option(names = "--repeat", description = "Runs this many times, one JSON line each, swapping which uploader goes "
                                              + "first every time (a fairer comparison on a busy machine); default "
                                              + "${DEFAULT-VALUE}.", defaultValue = "1")
    int repeat;

    @Option(names = "--component-options", paramLabel = "<k=v&k=v>",
            description = "Extra paradigm:upload options, e.g. maxRetries=10.", defaultValue = "")
    String componentOptions;

    @Option(names = "--plain-max-retries", description = "Retries of the plain uploader; default ${DEFAULT-VALUE} "
                                                         + "(the component's default maxRetries).",
            defaultValue = "5")
    int plainMaxRetries;

    @Option(names = "--component-routes", description = "Routes the component's uploads are split between, each "
                                                        + "with its own endpoint and half the threads, one API key: 1 "
                                                        + "or 2; default ${DEFAULT-VALUE}.", defaultValue = "1")
    int componentRoutes;

    @Option(names = "--work-dir", description = "Where to generate the files (kept); default a temporary folder "
                                                + "deleted afterwards.")
    Path workDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchSettings settings;
        try {
            settings = new BenchSettings(scenario, files, size, concurrency,
                    new ServerConditions(Duration.ofMillis(latencyMs), rateLimitPerMinute, maxConcurrentUploads,
                            tooManyRequests, badGateway, drops, lostAnswers, retryAfterSeconds, seed),
                    uploaders, warmup, componentOptions, plainMaxRetries, workDir, componentRoutes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        boolean allStoredOnce = true;
        for (int run = 0; run < Math.max(1, repeat); run++) {
            BenchReport report = Benchmark.run(run % 2 == 0 ? settings : settings.withUploadersSwapped());
            out.println(json.writeValueAsString(report));
            out.flush();
            allStoredOnce &= !Boolean.FALSE.equals(report.componentStoredEachOnce());
        }
        return allStoredOnce ? 0 : 1;
    }
}
