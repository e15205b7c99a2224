package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request the emulator received and what it answered, as an exchange observer sees it (see
 * {@link ParadigmEmulator#addExchangeObserver}). The key in the {@code Authorization} header is masked.
 *
 * @param query           raw query string, {@code null} when absent
 * @param requestBody     the body as received; {@code null} when the emulator answered without reading it to its end
 *                        (a 413) or when it was larger than {@link #MAX_RECORDED_BODY} bytes
 * @param status          status answered, {@code 0} when the connection was closed without an answer
 * @param responseBody    the body answered, empty when there was none
 * @param faultInjected   true when fault injection made the answer (a dropped connection, an injected error status, a
 *                        truncated body), so it stands for a failure outside the API rather than the API's behaviour
 */
public record ObservedExchange(String method, String path, String query, Map<String, List<String>> requestHeaders,
                               byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                               byte[] responseBody, boolean faultInjected) {

    /** Request bodies up to this size are recorded for observers; larger ones are not kept. */
    public static final int MAX_RECORDED_BODY = 4 * 1024 * 1024;

    public ObservedExchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
        responseBody = responseBody == null ? new byte[0] : responseBody;
    }

    /** First value of a request header, matched case-insensitively, or {@code null}. */
    public String requestHeader(String name) {
        return first(requestHeaders, name);
    }

    /** First value of a response header, matched case-insensitively, or {@code null}. */
    public String responseHeader(String name) {
        return first(responseHeaders, name);
    }

    public String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    /** {@code GET /api/v3/files?page=2 -> 200}: the request line and the status, never a body. */
    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + (status == 0 ? "no answer" : status);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .orElse(null);
    }
}
