package io.camelparadigm.component.paradigm.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The service's rate limit as one API key's requests see it: at most N requests admitted in any period, counted in a
 * sliding window (as Django REST framework's throttles count). N is not published and differs between instances, so it
 * is learned:
 * <ul>
 * <li>unknown (no pacing) until the service refuses a request for its rate; then N is the number of requests it
 * admitted in the last period, and no request starts before that refusal's {@code Retry-After};</li>
 * <li>raised when more requests than N turn out admitted in a period (answers that were on their way);</li>
 * <li>probed upward by a tenth after a whole period in which the window held requests back without a refusal, so a
 * budget left by another process sharing the key is taken up again.</li>
 * </ul>
 * A request starts when fewer than N requests were admitted in the last period, counting those still in flight. An
 * admission is dated when its answer arrived, never earlier than the service dated it, so the window frees a slot no
 * sooner than the service's does: paced this way, a key runs at the rate admitted, bursts included, without 429s.
 * Thread-safe; waiting callers hold no lock.
 */
final class RateLimitWindow {

    /** How long a caller waits at most before looking again, when it waits for answers rather than for a time. */
    private static final long RECHECK_NANOS = Duration.ofMillis(50).toNanos();
    static final long UNKNOWN = Long.MAX_VALUE;
    /** Admissions remembered at most (800 KB): a service admitting more per period is no limit to one client. */
    static final int MAX_REMEMBERED = 100_000;

    private final long periodNanos;
    private final LongSupplier nanoClock;
    /** When each request admitted in the last period was answered, oldest first (a ring). */
    private long[] admitted = new long[64];
    private int head;
    private int size;
    private int inFlight;
    private long limit = UNKNOWN;
    private long holdUntil;
    private boolean holding;
    /** When the limit was last set (or its hold ended) or raised; with {@link #heldBack}, when to probe. */
    private long limitSince;
    private boolean heldBack;

    RateLimitWindow(Duration period, LongSupplier nanoClock) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the rate limit period must be positive, was " + period);
        }
        this.periodNanos = period.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Waits until a request may start, and counts it in flight: it must then end with exactly one of
     * {@link #admitted()}, {@link #refused(Long)} or {@link #released()}.
     *
     * @param maxHold the longest {@code Retry-After} hold to wait out; a longer one fails at once
     * @throws ParadigmException when the hold is longer than {@code maxHold}, or the wait is interrupted
     */
    void acquire(String operation, Duration maxHold) {
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = nanoClock.getAsLong();
                waitNanos = nanosUntilAllowed(now);
                if (waitNanos == 0) {
                    inFlight++;
                    return;
                }
                if (holding && holdUntil - now > maxHold.toNanos()) {
                    throw new ParadigmException(operation, "the service's rate limit holds the requests of this key "
                            + "for another " + seconds(holdUntil - now) + " s (its Retry-After), more than maxRetryAfter="
                            + maxHold.toSeconds() + " s: failing now instead of waiting");
                }
                try {
                    long millis = Math.max(1, Math.min(waitNanos, RECHECK_NANOS) / 1_000_000);
                    wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ParadigmException(operation, "interrupted while waiting under the rate limit", e);
                }
            }
        }
    }

    /** 0 when a request may start at {@code now}, else at least how long until it may. */
    synchronized long nanosUntilAllowed(long now) {
        if (holding) {
            if (now - holdUntil < 0) {
                return holdUntil - now;
            }
            holding = false;
        }
        if (limit == UNKNOWN) {
            return 0;
        }
        expire(now);
        probe(now);
        if (size + inFlight < limit) {
            return 0;
        }
        heldBack = true;
        // a slot frees when the oldest admission leaves the window, or when an answer in flight turns out refused
        return size > 0 && size >= limit ? Math.max(1, admitted[head] + periodNanos - now) : RECHECK_NANOS;
    }

    /** The request was admitted (answered with anything but a 429). */
    synchronized void admitted() {
        long now = nanoClock.getAsLong();
        inFlight = Math.max(0, inFlight - 1);
        expire(now);
        add(now);
        if (limit != UNKNOWN && size > limit) {
            // answers that were on their way when the limit was set: the service admitted that many
            limit = size;
        }
        notifyAll();
    }

    /**
     * The service refused the request for its rate: nothing of this key starts before {@code retryAfterSeconds}
     * (1 s when it did not say), and the limit becomes what it admitted in the last period.
     */
    synchronized void refused(Long retryAfterSeconds) {
        long now = nanoClock.getAsLong();
        inFlight = Math.max(0, inFlight - 1);
        long hold = Duration.ofSeconds(retryAfterSeconds == null ? 1 : Math.max(0, retryAfterSeconds)).toNanos();
        if (!holding || now + hold - holdUntil > 0) {
            holdUntil = now + hold;
            holding = hold > 0;
        }
        expire(now);
        limit = Math.max(1, size);
        // probed only after a whole period of sending under the new limit
        limitSince = holding ? holdUntil : now;
        heldBack = false;
        notifyAll();
    }

    /** The request got no answer, or a 429 that was not the rate limit's: it used no slot that we know of. */
    synchronized void released() {
        inFlight = Math.max(0, inFlight - 1);
        notifyAll();
    }

    /** The learned limit of requests per period, or {@link #UNKNOWN} before the service refused one for its rate. */
    synchronized long limit() {
        return limit;
    }

    /** Requests admitted in the last period, as this client counted them. */
    synchronized int admittedInPeriod() {
        expire(nanoClock.getAsLong());
        return size;
    }

    /** How long every request of the key still waits for the last refusal's Retry-After; zero when none. */
    synchronized Duration hold() {
        long left = holding ? holdUntil - nanoClock.getAsLong() : 0;
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    Duration period() {
        return Duration.ofNanos(periodNanos);
    }

    private void probe(long now) {
        if (heldBack && now - limitSince >= periodNanos) {
            limit += Math.max(1, limit / 10);
            limitSince = now;
            heldBack = false;
        }
    }

    private void expire(long now) {
        while (size > 0 && now - admitted[head] >= periodNanos) {
            head = (head + 1) % admitted.length;
            size--;
        }
    }

    private void add(long at) {
        if (size == MAX_REMEMBERED) {
            head = (head + 1) % admitted.length;
            size--;
        }
        if (size == admitted.length) {
            long[] larger = new long[admitted.length * 2];
            for (int i = 0; i < size; i++) {
                larger[i] = admitted[(head + i) % admitted.length];
            }
            admitted = larger;
            head = 0;
        }
        admitted[(head + size) % admitted.length] = at;
        size++;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999) / 1_000_000_000;
    }

    @Override
    public synchronized String toString() {
        return "RateLimitWindow[limit=" + (limit == UNKNOWN ? "unknown" : limit) + ", admitted=" + size
               + ", inFlight=" + inFlight + ", period=" + Duration.ofNanos(periodNanos) + "]";
    }
}
