package io.camelparadigm.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real HTTP to the emulator with Apache HttpClient 5, no retries, so every fault reaches the test. Registered on a
 * test's instance field with {@code @RegisterExtension}, it closes itself after the test.
 */
final class ApiTestClient implements AutoCloseable, AfterEachCallback {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One answer. */
    record Reply(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String baseUrl;
    private final String apiKey;
    private final CloseableHttpClient http;

    ApiTestClient(String baseUrl, String apiKey) {
        this(baseUrl, apiKey, Timeout.ofSeconds(60));
    }

    ApiTestClient(String baseUrl, String apiKey, Timeout responseTimeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClients.custom()
                .disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(100)
                        .setMaxConnPerRoute(100)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setSocketTimeout(responseTimeout)
                                .setConnectTimeout(Timeout.ofSeconds(10))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(responseTimeout).build())
                .build();
    }

    static ApiTestClient of(ParadigmEmulator emulator) {
        return new ApiTestClient(emulator.baseUrl(), emulator.apiKey());
    }

    /**
     * For an instance field with {@code @RegisterExtension} beside the class's static emulator: each test starts on
     * an emptied emulator (see {@link ParadigmEmulatorExtension#reset()}) with a client of its own.
     */
    static ApiTestClient onEmptiedEmulator(ParadigmEmulatorExtension emulator) {
        emulator.reset();
        return of(emulator.emulator());
    }

    Reply get(String pathAndQuery) {
        return send(new HttpGet(baseUrl + pathAndQuery));
    }

    Reply postJson(String path, String json) {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return send(post);
    }

    Reply postForm(String path, Map<String, List<String>> fields) {
        List<BasicNameValuePair> pairs = new ArrayList<>();
        fields.forEach((name, values) -> values.forEach(value -> pairs.add(new BasicNameValuePair(name, value))));
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        return send(post);
    }

    Reply postMultipart(String path, HttpEntity multipart) {
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(multipart);
        return send(post);
    }

    /** A multipart upload being built. */
    Upload upload(String filename, byte[] content) {
        return new Upload(filename, content);
    }

    final class Upload {
        private final MultipartEntityBuilder builder = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);

        private Upload(String filename, byte[] content) {
            if (filename != null) {
                builder.addBinaryBody("file", content, ContentType.APPLICATION_OCTET_STREAM, filename);
            }
        }

        Upload field(String name, Object value) {
            builder.addTextBody(name, String.valueOf(value), ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8));
            return this;
        }

        /** Another file part. */
        Upload file(String name, String filename, byte[] content) {
            builder.addBinaryBody(name, content, ContentType.APPLICATION_OCTET_STREAM, filename);
            return this;
        }

        Upload workspace(long workspaceId) {
            return field("workspace_id", workspaceId);
        }

        Reply send() {
            return postMultipart("/api/v3/files", builder.build());
        }
    }

    Reply send(ClassicHttpRequest request) {
        if (apiKey != null) {
            request.setHeader("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.execute(request, response -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : response.getHeaders()) {
                    headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return new Reply(response.getCode(), headers, body);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        http.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    static void awaitQuietly(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
