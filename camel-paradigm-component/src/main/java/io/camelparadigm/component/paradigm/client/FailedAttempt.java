package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * One try of a request that did not succeed, and what that says about retrying it: whether it is worth another
 * try, and whether the server may have acted on it. Carries the error to raise if it is not retried.
 */
final class FailedAttempt extends Exception {

    enum Kind {
        /** The request never left: no connection could be opened (refused, timed out, unknown host). */
        NOT_SENT(true, false),
        /** Sent, but no answer came back (connection closed or reset, read timeout): the server may have acted. */
        NO_ANSWER(true, true),
        /** 429: too many requests; the server did not act on it. */
        THROTTLED(true, false),
        /** 503: maintenance or overload; the server did not act on it. */
        UNAVAILABLE(true, false),
        /** 502 or 504: a proxy got no (timely) answer from the service, which may have acted on the request. */
        GATEWAY(true, true),
        /** Any other error answer: sending the same request again would get the same answer. */
        FINAL(false, false);

        private final boolean retryable;
        private final boolean mayHaveReachedService;

        Kind(boolean retryable, boolean mayHaveReachedService) {
            this.retryable = retryable;
            this.mayHaveReachedService = mayHaveReachedService;
        }
    }

    private final Kind kind;
    private final transient ParadigmException error;

    private FailedAttempt(Kind kind, ParadigmException error) {
        super(error.getMessage(), error, false, false);
        this.kind = kind;
        this.error = error;
    }

    /** The service answered with an error status. */
    static FailedAttempt answered(ParadigmApiException error) {
        Kind kind = switch (error.getHttpStatus()) {
            case 429 -> Kind.THROTTLED;
            case 503 -> Kind.UNAVAILABLE;
            case 502, 504 -> Kind.GATEWAY;
            default -> Kind.FINAL;
        };
        return new FailedAttempt(kind, error);
    }

    /** The exchange with the service broke off; {@code cause} tells whether the request left at all. */
    static FailedAttempt broken(IOException cause, ParadigmException error) {
        return new FailedAttempt(neverSent(cause) ? Kind.NOT_SENT : Kind.NO_ANSWER, error);
    }

    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException            // includes HttpHostConnectException (refused)
               || e instanceof ConnectTimeoutException
               || e instanceof ConnectionRequestTimeoutException   // no pooled connection became free
               || e instanceof UnknownHostException
               || e instanceof NoRouteToHostException;
    }

    Kind kind() {
        return kind;
    }

    boolean retryable() {
        return kind.retryable;
    }

    /** True when the service may have acted on the request although no success answer came back. */
    boolean mayHaveReachedService() {
        return kind.mayHaveReachedService;
    }

    /** Seconds the server asked to wait before the next try, on a 429 or 503 that said so; else null. */
    Long retryAfterSeconds() {
        if ((kind == Kind.THROTTLED || kind == Kind.UNAVAILABLE) && error instanceof ParadigmApiException api) {
            return api.getRetryAfterSeconds();
        }
        return null;
    }

    /** Short reason for the log: the status, or the I/O error. */
    String reason() {
        if (error instanceof ParadigmApiException api) {
            return "HTTP " + api.getHttpStatus();
        }
        Throwable cause = error.getCause();
        return (kind == Kind.NOT_SENT ? "not connected: " : "no answer: ") + (cause == null ? "?" : cause.toString());
    }

    /** The error as the service or the connection gave it. */
    ParadigmException error() {
        return error;
    }

    /** The same error (same type, status and fields) with why it was not retried added to its message. */
    ParadigmException error(String whyNotRetried) {
        String operation = error.getOperation();
        String message = error.getMessage().substring(operation.length() + 2) + "; " + whyNotRetried;
        if (error instanceof ParadigmApiException api) {
            return new ParadigmApiException(operation, api.getHttpStatus(), api.getHttpResponseStatus(), api.getCode(),
                    api.getError(), api.getDetail(), api.getRetryAfterSeconds(), message, api.getCause());
        }
        return new ParadigmException(operation, message, error.getCause());
    }
}
