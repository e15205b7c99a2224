package io.camelparadigm.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterNode} running in its own JVM, started with this test's class path; its output goes to
 * {@code <cluster.logs>/<test>/<node>.log}. {@link #kill()} is kill -9: no shutdown hook, nothing flushed.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static NodeProcess start(String test, String name, Map<String, String> properties) {
        Path log = Path.of(System.getProperty("cluster.logs", "target/cluster-logs"), test, name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // several JVMs share two cores with the test: small heaps, the quick compiler, one GC thread
        command.addAll(List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        command.add("-Dnode.name=" + name);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClusterNode.class.getName()));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new NodeProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start cluster node " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** Waits until the node printed READY (its Camel context started). */
    NodeProcess awaitReady(Duration timeout) {
        Eventually.until(timeout, "node " + name + " ready (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; log:\n"
                                                + logText());
            }
            return logText().contains("READY " + name);
        });
        return this;
    }

    /** kill -9. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** kill -3: the JVM writes the stacks of its threads to its log (for a test that timed out waiting for it). */
    void dumpThreads() {
        if (process.isAlive()) {
            try {
                new ProcessBuilder("kill", "-3", String.valueOf(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean stop (SIGTERM: the node's shutdown hook stops Camel), kill -9 if it takes too long. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        waitForExit();
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
