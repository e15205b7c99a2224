package io.camelparadigm.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a user would (a process of its own, its output to a file) and measures it from the outside:
 * wall time from launch to exit, CPU time and peak resident memory (read from {@code /proc} while it runs).
 *
 * @param exitStatus  what it returned
 * @param launchedAt  epoch milliseconds just before it was started
 * @param wallSeconds launch to exit
 * @param cpuSeconds  user + system CPU, as last seen while it ran (null where the OS does not tell)
 * @param peakRssMb   the most resident memory it had (VmHWM), null off Linux
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
        Duration cpu = null;
        Long peakRss = null;
        long deadline = started + timeout.toNanos();
        while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            cpu = process.info().totalCpuDuration().orElse(cpu);
            peakRss = peakRssKb(process.pid(), peakRss);
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return new MeasuredProcess(process.exitValue(), launchedAt, wall,
                cpu == null ? null : cpu.toMillis() / 1000.0, peakRss == null ? null : peakRss / 1024, output);
    }

    /** The last lines it printed, for an error message. */
    String tail(int lines) throws IOException {
        List<String> all = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static Long peakRssKb(long pid, Long known) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended between two polls, or not Linux
        }
        return known;
    }
}
