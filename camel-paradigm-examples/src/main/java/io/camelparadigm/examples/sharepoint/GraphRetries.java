package io.camelparadigm.examples.sharepoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.utils.DateUtils;

/**
 * Which failed Graph calls are worth repeating, and when, for an {@code onException} clause: 401 (the token is
 * dropped and the call repeated with a new one), 429 and 503 (throttled: repeated after the {@code Retry-After} the
 * answer gives, seconds or an HTTP date, else after the clause's own delay).
 */
public final class GraphRetries {

    private static final Set<Integer> RETRIED = Set.of(401, 429, 503);

    private final GraphAccessTokens tokens;
    private final Clock clock;

    public GraphRetries(GraphAccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For {@code onWhen}: a 401, 429 or 503 from Graph. */
    public boolean isRetried(Exchange exchange) {
        HttpOperationFailedException failure = failure(exchange);
        return failure != null && RETRIED.contains(failure.getStatusCode());
    }

    /**
     * For {@code onExceptionOccurred}, which runs before the redelivery delay is decided: sets that delay from
     * {@code Retry-After} (Camel's {@link Exchange#REDELIVERY_DELAY} header), drops a refused token.
     */
    public void beforeRetry(Exchange exchange) {
        HttpOperationFailedException failure = failure(exchange);
        if (failure == null) {
            return;
        }
        if (failure.getStatusCode() == 401) {
            tokens.invalidate();
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
            return at == null ? null : Duration.between(clock.instant(), at).isNegative() ? Duration.ZERO
                    : Duration.between(clock.instant(), at);
        }
    }

    private static HttpOperationFailedException failure(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught == null) {
            caught = exchange.getException();
        }
        return caught instanceof HttpOperationFailedException http ? http : null;
    }
}
