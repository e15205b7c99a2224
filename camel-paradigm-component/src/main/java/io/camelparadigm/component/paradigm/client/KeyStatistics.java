package io.camelparadigm.component.paradigm.client;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What the requests of one API key did, since the component started: counters for consoles, JMX and metrics. Counts
 * requests sent (each try of a request once, whatever became of it), 429s by what they asked for, retries, look-ups
 * by external id before re-sending an upload, and the last failure. Holds nothing secret: the failure messages name
 * the operation, the HTTP status and the server's message, never the key.
 */
public final class KeyStatistics {

    private static final int SECONDS_PER_MINUTE = 60;

    private final LongAdder requests = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder concurrencyLimited = new LongAdder();
    private final LongAdder otherTooManyRequests = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder lookups = new LongAdder();
    private final AtomicReference<LastError> lastError = new AtomicReference<>();
    private final LongSupplier nanoClock;
    /** Requests per second of the last minute, a ring indexed by the second. */
    private final long[] perSecond = new long[SECONDS_PER_MINUTE];
    private final long[] secondOf = new long[SECONDS_PER_MINUTE];

    KeyStatistics(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A failure of one try, as shown to operators. */
    public record LastError(Instant at, String message) {
    }

    void requestSent() {
        requests.increment();
        long second = nanoClock.getAsLong() / 1_000_000_000L;
        int slot = (int) Math.floorMod(second, SECONDS_PER_MINUTE);
        synchronized (perSecond) {
            if (secondOf[slot] != second) {
                secondOf[slot] = second;
                perSecond[slot] = 0;
            }
            perSecond[slot]++;
        }
    }

    void tooManyRequests(Throttling throttling) {
        switch (throttling) {
            case RATE_LIMIT -> rateLimited.increment();
            case CONCURRENCY -> concurrencyLimited.increment();
            case TRANSIENT -> otherTooManyRequests.increment();
        }
    }

    void retried() {
        retries.increment();
    }

    void lookedUp() {
        lookups.increment();
    }

    void failed(ParadigmException error) {
        lastError.set(new LastError(Instant.now(), error.getMessage()));
    }

    /** Requests sent (every try counts). */
    public long requests() {
        return requests.sum();
    }

    /** Requests sent in the last 60 seconds. */
    public long requestsLastMinute() {
        long now = nanoClock.getAsLong() / 1_000_000_000L;
        long total = 0;
        synchronized (perSecond) {
            for (int slot = 0; slot < SECONDS_PER_MINUTE; slot++) {
                if (now - secondOf[slot] < SECONDS_PER_MINUTE) {
                    total += perSecond[slot];
                }
            }
        }
        return total;
    }

    /** Every 429. */
    public long tooManyRequests() {
        return rateLimited.sum() + concurrencyLimited.sum() + otherTooManyRequests.sum();
    }

    /** 429s of the key's rate limit. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** 429s for too many uploads in flight. */
    public long concurrencyLimited() {
        return concurrencyLimited.sum();
    }

    /** 429s that were neither: waited out by their own request only. */
    public long otherTooManyRequests() {
        return otherTooManyRequests.sum();
    }

    /** Tries after the first of a request. */
    public long retries() {
        return retries.sum();
    }

    /** Look-ups by external id before re-sending an upload whose answer was lost. */
    public long lookups() {
        return lookups.sum();
    }

    /** The last failed try, or null. */
    public LastError lastError() {
        return lastError.get();
    }
}
