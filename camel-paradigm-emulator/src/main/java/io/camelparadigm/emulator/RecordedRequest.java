package io.camelparadigm.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the emulator received, as tests see it.
 *
 * @param method     HTTP method
 * @param path       request path, e.g. {@code /api/v3/files}
 * @param query      raw query string, {@code null} when absent
 * @param headers    request headers; the {@code Authorization} value is replaced by {@code "Bearer ***"}
 * @param status     status answered, {@code 0} when the connection was dropped without a response (or no answer yet)
 * @param receivedAt emulator clock time at arrival
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
                              int status, Instant receivedAt) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** First value of a header, matched case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .orElse(null);
    }
}
