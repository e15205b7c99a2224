package io.camelparadigm.examples.errors;

import java.io.IOException;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;

/**
 * Which Paradigm failures are worth retrying, and how long to wait, for Camel's redelivery:
 *
 * <pre>{@code
 * onException(ParadigmException.class)
 *     .onWhen(TransientParadigmErrors.isTransient())
 *     .onExceptionOccurred(TransientParadigmErrors.honourRetryAfter())
 *     .maximumRedeliveries(5).redeliveryDelay(1000).useExponentialBackOff();
 * }</pre>
 */
public final class TransientParadigmErrors {

    private TransientParadigmErrors() {
    }

    /** Too many requests, maintenance, gateway errors, timeouts and lost connections; not 4xx client errors. */
    public static boolean isTransient(Throwable failure) {
        if (failure instanceof ParadigmApiException api) {
            int status = api.getHttpStatus();
            return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
        }
        if (failure instanceof ParadigmException) {
            return failure.getCause() instanceof IOException;
        }
        return failure instanceof IOException;
    }

    public static Predicate isTransient() {
        return exchange -> isTransient(failure(exchange));
    }

    /**
     * Sets Camel's {@code CamelRedeliveryDelay} header to the server's {@code Retry-After} (429, 503), which then
     * replaces the computed back-off for the next attempt; without the header the back-off applies.
     */
    public static Processor honourRetryAfter() {
        return exchange -> {
            Throwable failure = failure(exchange);
            if (failure instanceof ParadigmApiException api && api.getRetryAfterSeconds() != null) {
                exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, api.getRetryAfterSeconds() * 1000);
            } else {
                exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
            }
        };
    }

    private static Throwable failure(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
