package io.camelparadigm.examples.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Which failed camel-http calls are worth repeating, and when, for an {@code onException} clause: 429 and 503
 * (throttled: repeated after the {@code Retry-After} the answer gives, seconds or an HTTP date, else after the
 * clause's own delay) and, when the caller can renew its credential, 401 (renewed, then repeated).
 */
public final class RetryAfterRedelivery {

    private final Runnable onUnauthorized;
    private final Clock clock;

    /** @param onUnauthorized drops a refused credential so that the retry gets a new one; null: 401 is not retried */
    public RetryAfterRedelivery(Runnable onUnauthorized, Clock clock) {
        this.onUnauthorized = onUnauthorized;
        this.clock = clock;
    }

    /** For {@code onWhen}: a 429 or 503 (or a 401 when the credential can be renewed). */
    public boolean isRetried(Exchange exchange) {
        HttpOperationFailedException failure = failure(exchange);
        return failure != null && retried().contains(failure.getStatusCode());
    }

    /**
     * For {@code onExceptionOccurred}, which runs before the redelivery delay is decided: sets that delay from
     * {@code Retry-After} (Camel's {@link Exchange#REDELIVERY_DELAY} header), drops a refused credential.
     */
    public void beforeRetry(Exchange exchange) {
        HttpOperationFailedException failure = failure(exchange);
        if (failure == null) {
            return;
        }
        if (failure.getStatusCode() == 401 && onUnauthorized != null) {
            onUnauthorized.run();
        }
        Duration wait = retryAfter(failure.getResponseHeaders());
        if (wait != null) {
            exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
        }
    }

    Duration retryAfter(Map<String, String> headers) {
        String value = headers == null ? null : headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            Instant at = DateUtils.parseStandardDate(value.trim());
            if (at == null) {
                return null;
            }
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    private Set<Integer> retried() {
        return onUnauthorized == null ? Set.of(429, 503) : Set.of(401, 429, 503);
    }

    private static HttpOperationFailedException failure(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        return caught instanceof HttpOperationFailedException http ? http : null;
    }
}
