package io.camelparadigm.component.paradigm.client;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

/**
 * How many requests one API key may have in flight. Adaptive: the limit grows by one while requests succeed with
 * the limit in use, and shrinks by a factor on every 429 that says there are too many in flight (AIMD, Netflix
 * concurrency-limits), so many threads settle near what the service takes at once. The rate limit's 429s and lone
 * 429s leave it alone ({@link KeyGate}). A caller over the limit waits for a slot; no lock is held while a request is
 * in flight (a slot is a counter, not a lock).
 */
public final class ConcurrencyGate {

    /** 429s for too many in flight are the only signal; slow answers (large uploads) are not. */
    private static final long NO_LATENCY_SIGNAL_DAYS = 1;

    private final SimpleLimiter<Void> limiter;
    private final Limiter<Void> blocking;

    private ConcurrencyGate(SimpleLimiter<Void> limiter) {
        this.limiter = limiter;
        this.blocking = limiter == null ? null : BlockingLimiter.wrap(limiter);
    }

    /**
     * @param initialLimit requests in flight allowed at first
     * @param maxLimit     the most it ever allows
     */
    public static ConcurrencyGate adaptive(int initialLimit, int maxLimit) {
        if (maxLimit < 1 || initialLimit < 1) {
            throw new IllegalArgumentException("concurrency limits must be at least 1, were initial=" + initialLimit
                                               + " max=" + maxLimit);
        }
        AIMDLimit aimd = AIMDLimit.newBuilder()
                .minLimit(1)
                .initialLimit(Math.min(initialLimit, maxLimit))
                .maxLimit(maxLimit)
                .timeout(NO_LATENCY_SIGNAL_DAYS, TimeUnit.DAYS)
                .build();
        return new ConcurrencyGate(SimpleLimiter.newBuilder().named("paradigm").limit(aimd).build());
    }

    /** No limit of its own (the connection pool still bounds the requests in flight). */
    public static ConcurrencyGate unlimited() {
        return new ConcurrencyGate(null);
    }

    public boolean isAdaptive() {
        return limiter != null;
    }

    /** The current limit of requests in flight; {@link Integer#MAX_VALUE} when unlimited. */
    public int limit() {
        return limiter == null ? Integer.MAX_VALUE : limiter.getLimit();
    }

    /** Requests in flight now (0 when unlimited: not counted). */
    public int inFlight() {
        return limiter == null ? 0 : limiter.getInflight();
    }

    /** Waits for a slot. The permit must be given back exactly once, by one of its methods. */
    Permit acquire(String operation) {
        if (blocking == null) {
            return Permit.NONE;
        }
        Optional<Limiter.Listener> slot = blocking.acquire(null);
        if (slot.isEmpty()) {
            throw new ParadigmException(operation, "no request slot became free in time (concurrency limit "
                                                   + limit() + ", " + inFlight() + " in flight)");
        }
        return new Permit(slot.get());
    }

    /** A slot for one request. */
    static final class Permit {

        static final Permit NONE = new Permit(null);

        private final Limiter.Listener listener;

        private Permit(Limiter.Listener listener) {
            this.listener = listener;
        }

        /** The service answered and did not ask us to slow down. */
        void answered() {
            if (listener != null) {
                listener.onSuccess();
            }
        }

        /** 429 for too many in flight: the limit shrinks. */
        void throttled() {
            if (listener != null) {
                listener.onDropped();
            }
        }

        /** No answer: says nothing about the service's capacity. */
        void released() {
            if (listener != null) {
                listener.onIgnore();
            }
        }
    }

    @Override
    public String toString() {
        return limiter == null ? "ConcurrencyGate[unlimited]" : "ConcurrencyGate[limit=" + limit() + "]";
    }
}
