package io.camelparadigm.component.paradigm.client;

import org.apache.camel.spi.HttpResponseAware;

/**
 * The Paradigm API answered with an error status, or with a body that cannot be read. Carries the operation, the
 * HTTP status, the server's {@code code}/{@code error}/{@code detail} and {@code Retry-After} when present.
 * Implements Camel's {@link HttpResponseAware} (an interface only) so Camel's HTTP-aware error handling sees the
 * status.
 */
public class ParadigmApiException extends ParadigmException implements HttpResponseAware {

    private int httpStatus;
    private String httpReason;
    private final String code;
    private final String error;
    private final String detail;
    private final Long retryAfterSeconds;

    public ParadigmApiException(String operation, int httpStatus, String httpReason, String code, String error,
                                String detail, Long retryAfterSeconds, String message) {
        this(operation, httpStatus, httpReason, code, error, detail, retryAfterSeconds, message, null);
    }

    public ParadigmApiException(String operation, int httpStatus, String httpReason, String code, String error,
                                String detail, Long retryAfterSeconds, String message, Throwable cause) {
        super(operation, message, cause);
        this.httpStatus = httpStatus;
        this.httpReason = httpReason;
        this.code = code;
        this.error = error;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    public String getCode() {
        return code;
    }

    public String getError() {
        return error;
    }

    public String getDetail() {
        return detail;
    }

    /** Seconds the server asked us to wait ({@code Retry-After}), or null. */
    public Long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int getHttpResponseCode() {
        return httpStatus;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpStatus = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpReason;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpReason = status;
    }
}
