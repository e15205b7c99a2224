package io.camelparadigm.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelparadigm.examples.ParadigmUploaderApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code paradigm-bench folder-uploader}: the folder uploader end to end, as a user runs it ({@code java -jar
 * paradigm-uploader.jar --files-dir ...}, start-up and the wait for processing included), against a standalone
 * emulator, next to a Python {@code requests} + {@code ThreadPoolExecutor} script doing the same (upload each file
 * with its external id, then follow processing). Each run gets a fresh emulator, sent an unmeasured load first
 * ({@code --emulator-warm-up}); the order alternates. Prints one JSON line per run. See docs/benchmarks.md.
 */
@Command(name = "folder-uploader", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
         description = "Runs the folder uploader's jar and a Python requests baseline on the same generated folder, "
                       + "each against a fresh standalone emulator, and prints one JSON line per run.",
         footer = { "", "Exit status: 0 when every run stored each file exactly once, 1 otherwise, 2 bad options." })
public final class FolderUploaderBench implements Callable<Integer> {

    private static final Pattern GC_PAUSE = Pattern.compile("(\\d+)M->\\d+M\\(\\d+M\\)");
    private static final String PYTHON_SCRIPT = "bench/python_batch_upload.py";

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", defaultValue = "folder", description = "Label printed in each line.")
    String scenario;

    @Option(names = "--files", defaultValue = "2000", description = "Files in the folder; default ${DEFAULT-VALUE}.")
    int files;

    @Option(names = "--size", defaultValue = "10KB", converter = ByteSize.class, paramLabel = "<size>",
            description = "Size of each file; default ${DEFAULT-VALUE}.")
    long size;

    @Option(names = "--concurrency", split = ",", defaultValue = "10,50",
            description = "Uploads in flight (--batch-size), one set of runs each; default ${DEFAULT-VALUE}.")
    List<Integer> concurrency;

    @Option(names = "--uploaders", split = ",", defaultValue = "java,python",
            description = "java (the folder uploader's jar) and/or python (the baseline); default ${DEFAULT-VALUE}.")
    List<String> uploaders;

    @Option(names = "--repeat", defaultValue = "3",
            description = "Runs per uploader and concurrency, alternating which goes first; default ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--step", defaultValue = "200", description = "Emulator processing step in ms (three steps to "
                                                                 + "embedded); default ${DEFAULT-VALUE}.")
    long stepMillis;

    @Option(names = "--poll-interval", defaultValue = "2", description = "Seconds between processing checks, both "
                                                                        + "uploaders; default ${DEFAULT-VALUE}.")
    double pollSeconds;

    @Option(names = "--uploader-heap", description = "-Xmx of the folder uploader (e.g. 64m); default the JVM's.")
    String uploaderHeap;

    @Option(names = "--uploader-jvm-options", split = " ", paramLabel = "<option>",
            description = "More JVM options of the folder uploader, e.g. \"-XX:TieredStopAtLevel=1\"; default none.")
    List<String> uploaderJvmOptions = List.of();

    @Option(names = "--emulator-heap", defaultValue = "1g", description = "-Xmx of the emulator; default ${DEFAULT-VALUE}.")
    String emulatorHeap;

    @Option(names = "--resume", description = "After each java run, run the same command again on the same emulator "
                                              + "and state file (everything already uploaded) and report it too.")
    boolean resume;

    @Option(names = "--emulator-warm-up", defaultValue = "2000", paramLabel = "<files>",
            description = "Before each run, the fresh emulator is sent this many of the folder's files (HttpClient "
                          + "alone, not measured), which it then deletes: the run meets a server whose code is compiled, "
                          + "as a long-running service's is; 0 = a cold emulator; default ${DEFAULT-VALUE}.")
    int emulatorWarmUp;

    @Option(names = "--python", defaultValue = "python3", description = "Python interpreter; default ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--work-dir", description = "Where to generate the folder (kept, reused by later runs); "
                                              + "default a temporary folder deleted afterwards.")
    Path workDir;

    @Option(names = "--timeout-minutes", defaultValue = "60", description = "Longest a run may take.")
    long timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("paradigm-folder-bench-");
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        boolean allStoredOnce = true;
        try {
            Path folder = dir.resolve("files-" + files + "-" + size);
            SampleFolder.generate(folder, files, Math.toIntExact(size), 42);
            Path script = extractPythonScript(dir);
            for (int c : concurrency) {
                for (int run = 1; run <= repeat; run++) {
                    List<String> order = new ArrayList<>(uploaders);
                    if (run % 2 == 0) {
                        java.util.Collections.reverse(order);
                    }
                    for (String uploader : order) {
                        for (FolderRunReport report : measure(uploader, run, c, folder, script, dir)) {
                            out.println(json.writeValueAsString(report));
                            out.flush();
                            allStoredOnce &= report.storedEachOnce() && report.exitStatus() == 0;
                        }
                    }
                }
            }
        } finally {
            if (workDir == null) {
                delete(dir);
            }
        }
        return allStoredOnce ? 0 : 1;
    }

    private List<FolderRunReport> measure(String uploader, int run, int c, Path folder, Path script, Path dir)
            throws Exception {
        List<FolderRunReport> reports = new ArrayList<>();
        try (StandaloneEmulator emulator = StandaloneEmulator.start(Duration.ofMillis(stepMillis), emulatorHeap)) {
            if (emulatorWarmUp > 0) {
                emulator.warmUp(SampleFolder.files(folder, emulatorWarmUp), c);
            }
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", emulator.baseUrl(),
                    "PARADIGM_API_KEY", StandaloneEmulator.API_KEY,
                    "PARADIGM_WORKSPACE_ID", Long.toString(emulator.workspaceId()));
            if (uploader.equals("python")) {
                List<String> command = List.of(python, script.toString(), "--files-dir", folder.toString(),
                        "--workspace-id", Long.toString(emulator.workspaceId()), "--batch-size", Integer.toString(c),
                        "--poll-interval", Double.toString(pollSeconds));
                reports.add(report(uploader, run, c, runProcess(command, env, dir.resolve("python.out")), emulator,
                        null, files));
            } else if (uploader.equals("java")) {
                Path state = dir.resolve("uploader-" + run + "-" + c + ".state");
                Files.deleteIfExists(state);
                Path gcLog = dir.resolve("gc.log");
                MeasuredProcess fresh = runProcess(javaUploader(folder, c, state, gcLog), env, dir.resolve("java.out"));
                reports.add(report(uploader, run, c, fresh, emulator, gcLog, files));
                if (resume) {
                    MeasuredProcess again = runProcess(javaUploader(folder, c, state, gcLog), env,
                            dir.resolve("java-resume.out"));
                    reports.add(report("java-resume", run, c, again, emulator, gcLog, files));
                }
            } else {
                throw new IllegalArgumentException("unknown uploader '" + uploader + "': use java and/or python");
            }
        }
        return reports;
    }

    private List<String> javaUploader(Path folder, int c, Path state, Path gcLog) throws URISyntaxException {
        List<String> command = new ArrayList<>(List.of(StandaloneEmulator.javaCommand()));
        if (uploaderHeap != null) {
            command.add("-Xmx" + uploaderHeap);
        }
        command.addAll(uploaderJvmOptions);
        command.add("-Xlog:gc:file=" + gcLog);
        command.add("-Duploader.poll-interval=PT" + pollSeconds + "S");
        Path jar = Path.of(ParadigmUploaderApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(jar)) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParadigmUploaderApp.class.getName()));
        }
        command.addAll(List.of("--files-dir", folder.toString(), "--batch-size", Integer.toString(c),
                "--state-file", state.toString(), "--progress", "lines"));
        return command;
    }

    private MeasuredProcess runProcess(List<String> command, Map<String, String> env, Path output)
            throws IOException, InterruptedException {
        return MeasuredProcess.run(command, env, output, Duration.ofMinutes(timeoutMinutes));
    }

    private FolderRunReport report(String uploader, int run, int c, MeasuredProcess process,
                                   StandaloneEmulator emulator, Path gcLog, int expected) throws IOException {
        if (process.exitStatus() != 0) {
            spec.commandLine().getErr().println(uploader + " exited with " + process.exitStatus() + ":\n"
                                                + process.tail(20));
        }
        StandaloneEmulator.StoredSpan stored = emulator.stored();
        Double startup = stored.first() == null ? null
                : RunFigures.round((stored.first().toInstant().toEpochMilli() - process.launchedAt()) / 1000.0);
        boolean resumed = uploader.endsWith("-resume");
        return new FolderRunReport(scenario, uploader, run, files, Math.toIntExact(size), c, process.exitStatus(),
                RunFigures.round(files / process.wallSeconds()), RunFigures.round(process.wallSeconds()),
                resumed ? null : startup, resumed ? null : RunFigures.round(stored.seconds()),
                resumed || stored.seconds() == 0 ? null : RunFigures.round(stored.count() / stored.seconds()),
                process.cpuSeconds(), process.peakRssMb(), gcLog == null ? null : peakHeapMb(gcLog),
                uploader.startsWith("java") ? uploaderHeap : null,
                uploader.startsWith("java") && !uploaderJvmOptions.isEmpty() ? String.join(" ", uploaderJvmOptions) : null,
                emulatorWarmUp > 0 ? emulatorWarmUp : null, stored.count(), stored.count() == expected);
    }

    /** The largest heap occupancy before a collection, from {@code -Xlog:gc}. */
    private static Long peakHeapMb(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return null;
        }
        long peak = -1;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher pause = GC_PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
            }
        }
        return peak < 0 ? null : peak;
    }

    private static Path extractPythonScript(Path dir) throws IOException {
        Path script = dir.resolve("python_batch_upload.py");
        try (InputStream in = FolderUploaderBench.class.getClassLoader().getResourceAsStream(PYTHON_SCRIPT)) {
            if (in == null) {
                throw new IOException(PYTHON_SCRIPT + " is missing from the class path");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
