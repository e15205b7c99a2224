package io.camelparadigm.emulator;

import java.util.Map;

/** An error answer: HTTP status plus the API's error body fields. */
final class ApiException extends Exception {

    private final int status;
    private final String code;
    private final String error;
    private final Map<String, String> headers;

    ApiException(int status, String code, String error, String detail) {
        this(status, code, error, detail, Map.of());
    }

    ApiException(int status, String code, String error, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    static ApiException validation(String code, String detail) {
        return new ApiException(400, code, "validation_error", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", "not_found", detail);
    }

    static ApiException permissionDenied(String detail) {
        return new ApiException(403, "permission_denied", "permission_denied", detail);
    }

    static ApiException tooManyRequests(String code, String detail, long retryAfterSeconds) {
        return new ApiException(429, code, "too_many_requests", detail,
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String error() {
        return error;
    }

    String detail() {
        return getMessage();
    }

    Map<String, String> headers() {
        return headers;
    }
}
