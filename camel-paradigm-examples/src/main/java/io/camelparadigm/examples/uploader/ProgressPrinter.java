package io.camelparadigm.examples.uploader;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints the progress of a run while it lasts: on a terminal a bar redrawn in place, otherwise a plain line each
 * time the counters changed (at most once per interval), so that logs stay readable.
 */
public final class ProgressPrinter implements AutoCloseable {

    private final Supplier<ProgressSnapshot> source;
    private final PrintStream out;
    private final boolean terminal;
    private final Duration interval;
    private final ProgressFormatter formatter = new ProgressFormatter(30);
    private ScheduledExecutorService scheduler;
    private String lastLine;
    private boolean closed;

    /**
     * @param terminal true to redraw a bar in place (use {@code System.console() != null})
     * @param interval how often to refresh
     */
    public ProgressPrinter(Supplier<ProgressSnapshot> source, PrintStream out, boolean terminal, Duration interval) {
        this.source = source;
        this.out = out;
        this.terminal = terminal;
        this.interval = interval;
    }

    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "upload-progress");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::print, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Prints the state one last time and stops; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        print();
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    synchronized void print() {
        ProgressSnapshot snapshot = source.get();
        if (terminal) {
            out.print("\r" + formatter.bar(snapshot) + "   ");
            out.flush();
            return;
        }
        if (snapshot.settled() == 0 && snapshot.inFlight() == 0) {
            return;
        }
        String line = formatter.line(snapshot);
        // the rate and ETA change on every tick: compare the counters only
        String counters = line.substring(0, line.indexOf(';'));
        if (!counters.equals(lastLine)) {
            out.println(line);
            lastLine = counters;
        }
    }
}
