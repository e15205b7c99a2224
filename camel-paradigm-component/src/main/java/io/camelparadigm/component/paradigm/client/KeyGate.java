package io.camelparadigm.component.paradigm.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What every request of one API key on one Paradigm service goes through, whichever endpoint, producer or consumer
 * sends it: the service's budget is per key, so the key's requests share one limit of requests in flight, one view of
 * the rate limit, and one set of counts. Each 429 gets the reaction it asks for ({@link Throttling}): the rate limit
 * holds and paces every request of the key ({@link RateLimitWindow}), too many uploads in flight shrink the limit of
 * requests in flight ({@link ConcurrencyGate}), and any other 429 is waited out by its own request alone.
 */
public final class KeyGate {

    private final String baseUrl;
    private final String keyId;
    private final ConcurrencyGate concurrency;
    private final RateLimitWindow window;
    private final RecentAnswers recent = new RecentAnswers();
    private final KeyStatistics statistics;

    /**
     * @param keyId        how the key is shown (a fingerprint, never the key)
     * @param concurrency  the limit of requests in flight of the key
     * @param rateLimitPeriod the period of the service's rate limit (a minute for Paradigm)
     */
    public KeyGate(String baseUrl, String keyId, ConcurrencyGate concurrency, Duration rateLimitPeriod) {
        this(baseUrl, keyId, concurrency, rateLimitPeriod, System::nanoTime);
    }

    KeyGate(String baseUrl, String keyId, ConcurrencyGate concurrency, Duration rateLimitPeriod, LongSupplier nanoClock) {
        this.baseUrl = baseUrl;
        this.keyId = keyId;
        this.concurrency = concurrency;
        this.window = new RateLimitWindow(rateLimitPeriod, nanoClock);
        this.statistics = new KeyStatistics(nanoClock);
    }

    /** A gate of its own for a one-off client: no limit of requests in flight, the service's minute. */
    public static KeyGate unshared(String baseUrl) {
        return new KeyGate(baseUrl, "unshared", ConcurrencyGate.unlimited(), Duration.ofMinutes(1));
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** How the key is shown: a fingerprint that tells keys apart and cannot give the key back. */
    public String keyId() {
        return keyId;
    }

    /** The limit of requests in flight of the key. */
    public ConcurrencyGate concurrency() {
        return concurrency;
    }

    public KeyStatistics statistics() {
        return statistics;
    }

    /** The requests per period the service admits, as learned from its refusals; -1 before the first one. */
    public long learnedRateLimit() {
        long limit = window.limit();
        return limit == RateLimitWindow.UNKNOWN ? -1 : limit;
    }

    /** The period the learned rate limit counts over. */
    public Duration rateLimitPeriod() {
        return window.period();
    }

    /** Requests the service admitted in the last period, as counted here. */
    public int admittedInPeriod() {
        return window.admittedInPeriod();
    }

    /** How long every request of the key still waits for the rate limit's last Retry-After. */
    public Duration rateLimitHold() {
        return window.hold();
    }

    /**
     * Whether at least half of the key's recent requests failed (a 5xx or no answer): the service looks down or
     * overloaded, and a failure there calls for backing off rather than a retry at once.
     */
    boolean serviceFailing() {
        return recent.failing();
    }

    /**
     * Waits until a request may be sent: the rate limit's hold and pace, then a slot under the limit of requests in
     * flight (unless {@code limitConcurrency} is false). The permit must be given back exactly once.
     *
     * @param maxHold the longest rate-limit hold to wait out; a longer one fails at once
     */
    Permit acquire(String operation, boolean limitConcurrency, Duration maxHold) {
        window.acquire(operation, maxHold);
        ConcurrencyGate.Permit slot;
        try {
            slot = limitConcurrency ? concurrency.acquire(operation) : ConcurrencyGate.Permit.NONE;
        } catch (RuntimeException e) {
            window.released();
            throw e;
        }
        statistics.requestSent();
        return new Permit(slot);
    }

    /** The right to send one request, and what became of it. */
    final class Permit {

        private final ConcurrencyGate.Permit slot;

        private Permit(ConcurrencyGate.Permit slot) {
            this.slot = slot;
        }

        /** The service answered; a 429 is told apart by its error code, Retry-After and the key's recent answers. */
        Throttling answered(int status, String code, Long retryAfterSeconds) {
            boolean tooMany = status == 429;
            boolean mostly429 = recent.record(tooMany ? RecentAnswers.Outcome.TOO_MANY_REQUESTS
                    : status >= 500 ? RecentAnswers.Outcome.FAILED : RecentAnswers.Outcome.ANSWERED);
            if (!tooMany) {
                window.admitted();
                slot.answered();
                return null;
            }
            Throttling throttling = Throttling.of(code, mostly429);
            switch (throttling) {
                case RATE_LIMIT -> {
                    window.refused(retryAfterSeconds);
                    slot.released();
                }
                case CONCURRENCY -> {
                    window.released();
                    slot.throttled();
                }
                case TRANSIENT -> {
                    window.released();
                    slot.released();
                }
            }
            statistics.tooManyRequests(throttling);
            return throttling;
        }

        /** No answer came (the connection broke, or never opened). */
        void unanswered() {
            recent.record(RecentAnswers.Outcome.FAILED);
            abandoned();
        }

        /** The request broke off on this side (its content could not be read): it says nothing of the service. */
        void abandoned() {
            window.released();
            slot.released();
        }
    }

    @Override
    public String toString() {
        return "KeyGate[" + baseUrl + ", " + keyId + ", " + concurrency + ", " + window + "]";
    }
}
