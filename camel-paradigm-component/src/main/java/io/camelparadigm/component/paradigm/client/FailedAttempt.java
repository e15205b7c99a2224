package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * One try of a request that did not succeed, and what that says about retrying it: whether it is worth another
 * try, and whether the server may have acted on it. Carries the error to raise if it is not retried.
 */
final class FailedAttempt extends Exception {

    enum Kind {
        /** The request never left: no connection could be opened (refused, timed out, unknown host). */
        NOT_SENT(true, false, false),
        /**
         * The request never left and sending it again cannot help: the server's TLS certificate, or the name it was
         * issued for, is not trusted.
         */
        NOT_TRUSTED(false, false, false),
        /**
         * The content could not be read while it was sent (a file deleted or cut short): sending again cannot help,
         * and the service got an incomplete request, which stores nothing.
         */
        CONTENT_UNREADABLE(false, false, false),
        /** Sent, but the connection was closed or reset with no answer: the server may have acted. */
        NO_ANSWER(true, true, false),
        /** Sent, but no answer came within the response timeout: the server may have acted, or still be acting. */
        TIMED_OUT(true, true, true),
        /** 429: too many requests; the server did not act on it. */
        THROTTLED(true, false, false),
        /** 503: maintenance or overload; the server did not act on it. */
        UNAVAILABLE(true, false, false),
        /** 502: a proxy got a broken answer (or none) from the service, which may have acted on the request. */
        BAD_GATEWAY(true, true, false),
        /** 504: a proxy stopped waiting for the service, which may have acted, or still be acting, on the request. */
        GATEWAY_TIMEOUT(true, true, true),
        /** Any other error answer: sending the same request again would get the same answer. */
        FINAL(false, false, false);

        private final boolean retryable;
        private final boolean mayHaveReachedService;
        private final boolean mayStillBeRunning;

        Kind(boolean retryable, boolean mayHaveReachedService, boolean mayStillBeRunning) {
            this.retryable = retryable;
            this.mayHaveReachedService = mayHaveReachedService;
            this.mayStillBeRunning = mayStillBeRunning;
        }
    }

    private final Kind kind;
    private final Throttling throttling;
    private final boolean serviceFailing;
    private final transient ParadigmException error;

    private FailedAttempt(Kind kind, Throttling throttling, boolean serviceFailing, ParadigmException error) {
        super(error.getMessage(), error, false, false);
        this.kind = kind;
        this.throttling = throttling;
        this.serviceFailing = serviceFailing;
        this.error = error;
    }

    /**
     * The service answered with an error status.
     *
     * @param throttling     how the key's gate read a 429; null for other statuses
     * @param serviceFailing whether the key's recent requests mostly failed ({@link KeyGate#serviceFailing()})
     */
    static FailedAttempt answered(ParadigmApiException error, Throttling throttling, boolean serviceFailing) {
        Kind kind = switch (error.getHttpStatus()) {
            case 429 -> Kind.THROTTLED;
            case 503 -> Kind.UNAVAILABLE;
            case 502 -> Kind.BAD_GATEWAY;
            case 504 -> Kind.GATEWAY_TIMEOUT;
            default -> Kind.FINAL;
        };
        return new FailedAttempt(kind, throttling, serviceFailing, error);
    }

    /**
     * The exchange with the service broke off; {@code cause} tells whether the request left at all.
     *
     * @param serviceFailing whether the key's recent requests mostly failed ({@link KeyGate#serviceFailing()})
     */
    static FailedAttempt broken(IOException cause, ParadigmException error, boolean serviceFailing) {
        Kind kind = untrusted(cause) ? Kind.NOT_TRUSTED : unreadableContent(cause) != null ? Kind.CONTENT_UNREADABLE
                : neverSent(cause) ? Kind.NOT_SENT
                : cause instanceof SocketTimeoutException ? Kind.TIMED_OUT : Kind.NO_ANSWER;
        return new FailedAttempt(kind, null, serviceFailing, error);
    }

    /**
     * A handshake refused over the server's certificate (an unknown authority, an expired certificate: a security
     * exception behind it) or over its name; not a connection that broke during the handshake, which is retried.
     */
    static boolean untrusted(IOException e) {
        if (e instanceof SSLPeerUnverifiedException) {
            return true;
        }
        if (e instanceof SSLHandshakeException) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof GeneralSecurityException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The failure to read the content behind a broken exchange, or null when the content is not to blame. */
    static UnreadableContentException unreadableContent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableContentException unreadable) {
                return unreadable;
            }
        }
        return null;
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

    /**
     * True when the service may still be working on the request: a proxy or this client stopped waiting for it (504,
     * response timeout). What it stores may show only later, so a look-up right away could miss it.
     */
    boolean mayStillBeRunning() {
        return kind.mayStillBeRunning;
    }

    /**
     * A 502 or a connection closed with no answer while the key's requests mostly succeed: the service stopped working
     * on this request (unlike after a 504 or a read timeout) and is not down, so there is nothing to wait for.
     */
    boolean isolatedBreak() {
        return (kind == Kind.BAD_GATEWAY || kind == Kind.NO_ANSWER) && !serviceFailing;
    }

    /** How the key's gate read this 429; null for any other failure. */
    Throttling throttling() {
        return throttling;
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
