package io.camelparadigm.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command as a user would (a process of its own, its output to a file) and measures it from the outside:
 * wall time from launch to exit, CPU time and peak resident memory (read from {@code /proc} while it runs), of the
 * process and of those it starts (the folder uploader runs its upload in a second JVM).
 *
 * @param exitStatus  what it returned
 * @param launchedAt  epoch milliseconds just before it was started
 * @param wallSeconds launch to exit
 * @param cpuSeconds  user + system CPU of the process and its descendants, each as last seen while it ran (null
 *                    where the OS does not tell)
 * @param peakRssMb   the sum of the most resident memory (VmHWM) each of them had, null off Linux
 * @param output      the file holding what it printed
 */
record MeasuredProcess(int exitStatus, long launchedAt, double wallSeconds, Double cpuSeconds, Long peakRssMb,
                       Path output) {

    private static final long POLL_MILLIS = 100;

    static MeasuredProcess run(List<String> command, Map<String, String> environment, Path output, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        long launchedAt = System.currentTimeMillis();
        long started = System.nanoTime();
        Process process = builder.start();
        Map<Long, Duration> cpu = new HashMap<>();
        Map<Long, Long> peakRss = new HashMap<>();
        long deadline = started + timeout.toNanos();
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            for (ProcessHandle each : Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList()) {
                each.info().totalCpuDuration().ifPresent(seen -> cpu.put(each.pid(), seen));
                peakRssKb(each.pid()).ifPresent(seen -> peakRss.merge(each.pid(), seen, Math::max));
            }
            if (System.nanoTime() > deadline) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new MeasuredProcess(process.exitValue(), launchedAt, wall,
                cpu.isEmpty() ? null : cpu.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0,
                peakRss.isEmpty() ? null : peakRss.values().stream().mapToLong(Long::longValue).sum() / 1024, output);
    }

    /** The last lines it printed, for an error message. */
    String tail(int lines) throws IOException {
        List<String> all = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static Optional<Long> peakRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended between two polls, or not Linux
        }
        return Optional.empty();
    }
}
