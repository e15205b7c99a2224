package io.camelparadigm.examples.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** What the uploads of one run did: each one's latency, and the failures. Thread-safe. */
public final class UploadTally {

    private final long[] latencyNanos;
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile Integer concurrencyLimit;

    public UploadTally(int uploads) {
        this.latencyNanos = new long[uploads];
    }

    /** An upload succeeded after {@code nanos} (retries included). */
    public void succeeded(long nanos) {
        latencyNanos[recorded.getAndIncrement()] = nanos;
    }

    /** An upload failed for good. */
    public void failed(long nanos, String why) {
        latencyNanos[recorded.getAndIncrement()] = nanos;
        failures.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** The uploader's own limit of requests in flight when it finished (the component's adaptive limit). */
    public void concurrencyLimit(int limit) {
        this.concurrencyLimit = limit;
    }

    /** Null when the uploader has no limit of its own. */
    public Integer concurrencyLimit() {
        return concurrencyLimit;
    }

    public int failures() {
        return failures.get();
    }

    public int recorded() {
        return recorded.get();
    }

    /** The first failure's message, or null. */
    public String firstFailure() {
        return firstFailure.get();
    }

    /** The latency at {@code percentile} (0-100) in milliseconds, nearest-rank; 0 when nothing was recorded. */
    public double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(latencyNanos, recorded.get());
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}
