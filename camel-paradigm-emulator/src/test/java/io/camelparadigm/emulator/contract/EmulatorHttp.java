package io.camelparadigm.emulator.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends real HTTP requests to the emulator with the JDK client and records each {@link Exchange}. */
final class EmulatorHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final String baseUrl;
    private final String apiKey;

    EmulatorHttp(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** The same emulator, another key (null sends no Authorization header). */
    EmulatorHttp withKey(String otherKey) {
        return new EmulatorHttp(baseUrl, otherKey);
    }

    Exchange get(String path) {
        return get(path, Map.of());
    }

    Exchange get(String path, Map<String, ?> query) {
        return send(request(path, query).GET(), "GET", new byte[0]);
    }

    /** GET of an absolute URL the emulator handed out (a page's {@code next} or {@code previous}). */
    Exchange getUrl(String absoluteUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absoluteUrl)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return send(request.GET(), "GET", new byte[0]);
    }

    Exchange postMultipart(String path, MultipartBody body) {
        return post(path, body.contentType(), body.bytes());
    }

    Exchange postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Iterable values become repeated fields; pass a {@link java.util.LinkedHashMap} to keep an order. */
    Exchange postForm(String path, Map<String, ?> fields) {
        return post(path, "application/x-www-form-urlencoded",
                encode(fields).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Starts a POST whose body comes from {@code body} as the test feeds it, so the request stays in
     * flight until the test closes the stream. {@code recordedBody} is what the exchange reports.
     */
    CompletableFuture<Exchange> postStreaming(String path, String contentType, InputStream body, byte[] recordedBody) {
        HttpRequest request = request(path, Map.of())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> new Exchange("POST", request.uri(), request.headers(), recordedBody,
                        response.statusCode(), response.headers(), response.body()));
    }

    Exchange post(String path, String contentType, byte[] body) {
        return send("POST", path, contentType, body);
    }

    Exchange patchMultipart(String path, MultipartBody body) {
        return send("PATCH", path, body.contentType(), body.bytes());
    }

    Exchange patchForm(String path, Map<String, ?> fields) {
        return send("PATCH", path, "application/x-www-form-urlencoded", encode(fields).getBytes(StandardCharsets.UTF_8));
    }

    Exchange delete(String path) {
        return send(request(path, Map.of()).DELETE(), "DELETE", new byte[0]);
    }

    /** Any method with a body. */
    Exchange send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path, Map.of())
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return send(request, method, body);
    }

    private HttpRequest.Builder request(String path, Map<String, ?> query) {
        String queryString = query.isEmpty() ? "" : "?" + encode(query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path + queryString))
                .timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private static Exchange send(HttpRequest.Builder builder, String method, byte[] body) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Exchange(method, request.uri(), request.headers(), body,
                    response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, ?> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> {
            Iterable<?> values = value instanceof Iterable<?> many ? many : List.of(value);
            for (Object single : values) {
                pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(single), StandardCharsets.UTF_8));
            }
        });
        return String.join("&", pairs);
    }
}
