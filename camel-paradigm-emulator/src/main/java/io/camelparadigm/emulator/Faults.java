package io.camelparadigm.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Failures the emulator injects into its answers, for resilience tests. Every setter returns {@code this};
 * {@link #reset()} turns everything off. Thread-safe.
 */
public final class Faults {

    private final Supplier<Instant> clock;

    private Duration latency = Duration.ZERO;
    private int rateLimit;
    private Duration rateLimitPeriod = Duration.ofMinutes(1);
    private int maxConcurrentUploadsPerSession;
    private int failNextCount;
    private int failNextStatus;
    /** Status to fraction, in the order given; one draw per request picks at most one of them. */
    private final Map<Integer, Double> randomErrorFractions = new LinkedHashMap<>();
    private Random randomErrorRandom;
    private Instant maintenanceUntil;
    private int maintenanceRequests;
    private int dropNextCount;
    private double dropFraction;
    private Random dropRandom;
    private int dropAfterStoreCount;
    private int dropAfterChangeCount;
    private int malformedJsonNextCount;
    private int retryAfterSeconds = 1;
    private long maxCommitDelayMicros;
    private long commitDelaySeed;
    private Duration dateSkew = Duration.ZERO;

    Faults(Supplier<Instant> clock) {
        this.clock = clock;
    }

    /** Extra delay before every response. */
    public synchronized Faults latency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
        return this;
    }

    /** Requests per minute admitted per API key (0 = unlimited); beyond it, 429 with {@code Retry-After}. */
    public synchronized Faults rateLimitPerMinute(int n) {
        return rateLimit(n, Duration.ofMinutes(1));
    }

    /**
     * Requests admitted per API key in any {@code period} (0 = unlimited); beyond it, 429 with {@code Retry-After}.
     * Django REST framework throttles, which the service uses, count per second, minute, hour or day; a short
     * period lets a test see several windows.
     */
    public synchronized Faults rateLimit(int n, Duration period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate limit period must be positive, was " + period);
        }
        this.rateLimit = Math.max(0, n);
        this.rateLimitPeriod = period;
        return this;
    }

    /** Uploads in flight at once per upload session (0 = unlimited); beyond it, 429 with {@code Retry-After}. */
    public synchronized Faults maxConcurrentUploadsPerSession(int n) {
        this.maxConcurrentUploadsPerSession = Math.max(0, n);
        return this;
    }

    /** The next {@code count} API requests answer {@code status} with a JSON error body. */
    public synchronized Faults failNext(int count, int status) {
        this.failNextCount = Math.max(0, count);
        this.failNextStatus = status;
        return this;
    }

    /**
     * A {@code fraction} of API requests answer {@code status}, drawn reproducibly from {@code seed}. Calls for
     * different statuses add up (0.30 of 429 and 0.05 of 502: 35 % of requests fail, each with one of them); a call
     * for a status already set replaces its fraction. Every call restarts the draw from its seed.
     *
     * @throws IllegalArgumentException when the fraction is outside 0..1 or the fractions would add up beyond 1
     */
    public synchronized Faults randomErrors(double fraction, int status, long seed) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("randomErrors fraction must be between 0 and 1, was " + fraction);
        }
        double others = randomErrorFractions.entrySet().stream().filter(e -> e.getKey() != status)
                .mapToDouble(Map.Entry::getValue).sum();
        if (others + fraction > 1 + 1e-9) {
            throw new IllegalArgumentException("randomErrors fractions add up to " + (others + fraction)
                                               + " with " + status + "; they must not exceed 1");
        }
        randomErrorFractions.put(status, fraction);
        this.randomErrorRandom = new Random(seed);
        return this;
    }

    /** 503 {@code service_maintenance} with {@code Retry-After} for {@code window} of emulator clock time. */
    public synchronized Faults maintenance(Duration window) {
        this.maintenanceUntil = clock.get().plus(window);
        return this;
    }

    /**
     * The next {@code count} requests, whatever the clock: 503 {@code service_maintenance} with
     * {@code Retry-After} = {@link #retryAfterSeconds(int)}. For a real clock, where a window of time may be over
     * before the code under test sends anything.
     */
    public synchronized Faults maintenanceForNext(int count) {
        this.maintenanceRequests = Math.max(0, count);
        return this;
    }

    /** The next {@code count} requests: the connection is closed without a response. */
    public synchronized Faults dropNext(int count) {
        this.dropNextCount = Math.max(0, count);
        return this;
    }

    /** A {@code fraction} of requests (reproducibly drawn from {@code seed}) lose their connection unanswered. */
    public synchronized Faults dropFraction(double fraction, long seed) {
        this.dropFraction = fraction;
        this.dropRandom = new Random(seed);
        return this;
    }

    /** The next {@code count} uploads are stored, then the connection is closed: the response is lost. */
    public synchronized Faults dropAfterStore(int count) {
        this.dropAfterStoreCount = Math.max(0, count);
        return this;
    }

    /**
     * The next {@code count} requests that change or delete stored files or tags (PATCH, DELETE, bulk delete, tag
     * removal, tag creation) take effect, then the connection is closed: the response is lost.
     */
    public synchronized Faults dropAfterChange(int count) {
        this.dropAfterChangeCount = Math.max(0, count);
        return this;
    }

    /** The next {@code count} successful answers carry a truncated JSON body. */
    public synchronized Faults malformedJsonNext(int count) {
        this.malformedJsonNextCount = Math.max(0, count);
        return this;
    }

    /** {@code Retry-After} value sent with injected 429 and 503 answers (default 1). */
    public synchronized Faults retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = Math.max(0, seconds);
        return this;
    }

    /**
     * Each document's status changes become visible to readers up to {@code max} after the instant they carry in
     * {@code updated_at}, as rows stamped when a transaction starts and committed later: a listing may miss a change
     * stamped before it ran. Each document has its own delay in 0..max, drawn reproducibly from {@code seed}.
     */
    public synchronized Faults commitDelay(Duration max, long seed) {
        if (max.isNegative()) {
            throw new IllegalArgumentException("commitDelay must not be negative: " + max);
        }
        this.maxCommitDelayMicros = max.toNanos() / 1_000;
        this.commitDelaySeed = seed;
        return this;
    }

    /** The {@code Date} header reads the emulator's clock plus {@code skew} (negative: behind): a web front whose
     * clock differs from the database's that stamps {@code updated_at}. */
    public synchronized Faults dateSkew(Duration skew) {
        this.dateSkew = skew == null ? Duration.ZERO : skew;
        return this;
    }

    /** Turns every fault off. */
    public synchronized Faults reset() {
        latency = Duration.ZERO;
        rateLimit = 0;
        rateLimitPeriod = Duration.ofMinutes(1);
        maxConcurrentUploadsPerSession = 0;
        failNextCount = 0;
        failNextStatus = 0;
        randomErrorFractions.clear();
        randomErrorRandom = null;
        maintenanceUntil = null;
        maintenanceRequests = 0;
        dropNextCount = 0;
        dropFraction = 0;
        dropRandom = null;
        dropAfterStoreCount = 0;
        dropAfterChangeCount = 0;
        malformedJsonNextCount = 0;
        retryAfterSeconds = 1;
        maxCommitDelayMicros = 0;
        dateSkew = Duration.ZERO;
        return this;
    }

    // ---- decisions taken by the server, one call per request ----

    synchronized Duration latency() {
        return latency;
    }

    synchronized int rateLimit() {
        return rateLimit;
    }

    synchronized long rateLimitPeriodMicros() {
        return rateLimitPeriod.toNanos() / 1_000;
    }

    synchronized int maxConcurrentUploadsPerSession() {
        return maxConcurrentUploadsPerSession;
    }

    synchronized long commitDelayMicros(long documentId) {
        if (maxCommitDelayMicros == 0) {
            return 0;
        }
        return new SplittableRandom(commitDelaySeed * 31 + documentId).nextLong(maxCommitDelayMicros + 1);
    }

    synchronized Duration dateSkew() {
        return dateSkew;
    }

    synchronized int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** True when this request must lose its connection unanswered. */
    synchronized boolean takeDrop() {
        if (dropNextCount > 0) {
            dropNextCount--;
            return true;
        }
        return dropRandom != null && dropRandom.nextDouble() < dropFraction;
    }

    /** Whether a maintenance window is open (by time or by count), without using up a counted request. */
    synchronized boolean inMaintenance() {
        return maintenanceSecondsLeft() > 0 || maintenanceRequests > 0;
    }

    /** The Retry-After seconds of this request's maintenance answer, or -1 when it meets no maintenance. */
    synchronized long takeMaintenance() {
        long left = maintenanceSecondsLeft();
        if (left > 0) {
            return left;
        }
        if (maintenanceRequests > 0) {
            maintenanceRequests--;
            return retryAfterSeconds;
        }
        return -1;
    }

    /** Seconds of maintenance left (rounded up), 0 when none. */
    synchronized long maintenanceSecondsLeft() {
        if (maintenanceUntil == null) {
            return 0;
        }
        Duration left = Duration.between(clock.get(), maintenanceUntil);
        if (left.isNegative() || left.isZero()) {
            maintenanceUntil = null;
            return 0;
        }
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    /** The injected error status for this request, 0 when none. */
    synchronized int takeInjectedError() {
        if (failNextCount > 0) {
            failNextCount--;
            return failNextStatus;
        }
        if (randomErrorRandom == null) {
            return 0;
        }
        double draw = randomErrorRandom.nextDouble();
        double upTo = 0;
        for (Map.Entry<Integer, Double> statusFraction : randomErrorFractions.entrySet()) {
            upTo += statusFraction.getValue();
            if (draw < upTo) {
                return statusFraction.getKey();
            }
        }
        return 0;
    }

    synchronized boolean takeDropAfterStore() {
        if (dropAfterStoreCount > 0) {
            dropAfterStoreCount--;
            return true;
        }
        return false;
    }

    synchronized boolean takeDropAfterChange() {
        if (dropAfterChangeCount > 0) {
            dropAfterChangeCount--;
            return true;
        }
        return false;
    }

    synchronized boolean takeMalformedJson() {
        if (malformedJsonNextCount > 0) {
            malformedJsonNextCount--;
            return true;
        }
        return false;
    }
}
