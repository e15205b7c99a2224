package io.camelparadigm.examples.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;

/**
 * The comparison: what a developer would write with HttpClient 5 alone. A fixed pool of {@code concurrency}
 * threads, one pooled client, a streamed multipart POST per file, and HttpClient's own retry strategy told to
 * retry POSTs too (429/503 after Retry-After, lost connections at once). Nothing checks whether a lost upload
 * was stored before re-sending it, and nothing adapts to 429s.
 */
public final class PlainHttpClientUploader implements Uploader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int concurrency;
    private final int maxRetries;

    public PlainHttpClientUploader(int concurrency, int maxRetries) {
        this.concurrency = concurrency;
        this.maxRetries = maxRetries;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public UploadTally upload(List<Path> files, Target target) throws Exception {
        UploadTally tally = new UploadTally(files.size());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(concurrency)
                .setMaxConnPerRoute(concurrency)
                .build();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try (CloseableHttpClient http = HttpClients.custom()
                .setConnectionManager(connections)
                .setRetryStrategy(new RetryPostsToo(maxRetries))
                .build()) {
            for (Path file : files) {
                workers.execute(() -> uploadOne(http, file, target, tally));
            }
            workers.shutdown();
            if (!workers.awaitTermination(1, TimeUnit.DAYS)) {
                throw new IllegalStateException("uploads did not finish");
            }
        } finally {
            workers.shutdownNow();
        }
        return tally;
    }

    private static void uploadOne(CloseableHttpClient http, Path file, Target target, UploadTally tally) {
        long started = System.nanoTime();
        String name = file.getFileName().toString();
        try {
            HttpPost post = new HttpPost(target.baseUrl() + "/api/v3/files");
            post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.apiKey());
            post.setEntity(MultipartEntityBuilder.create()
                    .addBinaryBody("file", file.toFile(), ContentType.APPLICATION_OCTET_STREAM, name)
                    .addTextBody("workspace_id", Long.toString(target.workspaceId()))
                    .addTextBody("external_metadata", JSON.writeValueAsString(Map.of("external_id", name)),
                            ContentType.APPLICATION_JSON)
                    .build());
            int status = http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            if (status / 100 == 2) {
                tally.succeeded(System.nanoTime() - started);
            } else {
                tally.failed(System.nanoTime() - started, name + ": HTTP " + status);
            }
        } catch (IOException | RuntimeException e) {
            tally.failed(System.nanoTime() - started, name + ": " + e);
        }
    }

    /** HttpClient retries only idempotent methods; the usual one-line fix makes it retry POSTs as well. */
    private static final class RetryPostsToo extends DefaultHttpRequestRetryStrategy {

        RetryPostsToo(int maxRetries) {
            super(maxRetries, TimeValue.ofSeconds(1));
        }

        @Override
        protected boolean handleAsIdempotent(HttpRequest request) {
            return true;
        }
    }
}
