package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's clock as a consumer learns it from the {@code Date} header of the answers (second resolution). When
 * the service sends none, this machine's clock stands in for it, with a warning: it must then be kept in sync.
 */
final class ServerClock {

    private static final Logger LOG = LoggerFactory.getLogger(ServerClock.class);

    private final String consumer;
    private volatile Instant latest;
    private volatile boolean warned;

    ServerClock(String consumer) {
        this.consumer = consumer;
    }

    /**
     * A reading of the server's clock no later than its time at a moment {@code elapsedNanos} before an answer
     * dated {@code date} was received: the date was written after that moment, and at most {@code elapsedNanos}
     * after it. {@code localFallback} is this machine's clock at that moment, used when the answer had no date.
     */
    Instant atMost(Instant date, long elapsedNanos, Instant localFallback) {
        if (date == null) {
            if (!warned) {
                warned = true;
                LOG.warn("paradigm:{}: the service's answers carry no Date header; this machine's clock is used "
                         + "instead, so it must be kept in sync with the service's (or raise overlap)", consumer);
            }
            return localFallback;
        }
        observe(date);
        return date.minusNanos(elapsedNanos);
    }

    /** Remembers the service's {@code Date} (null when it sent none). */
    void observe(Instant date) {
        Instant current = latest;
        if (date != null && (current == null || date.isAfter(current))) {
            latest = date;
        }
    }

    /** The latest date the server sent (this machine's clock before the first one, or when it sends none). */
    Instant now() {
        Instant current = latest;
        return current != null ? current : Instant.now();
    }
}
