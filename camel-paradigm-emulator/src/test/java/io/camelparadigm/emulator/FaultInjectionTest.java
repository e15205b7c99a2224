package io.camelparadigm.emulator;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = new ParadigmEmulatorExtension();

    private static final byte[] PDF = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void latencyDelaysResponsesPastAShortClientTimeout() {
        EMULATOR.faults().latency(Duration.ofSeconds(2));
        try (ApiTestClient impatient = new ApiTestClient(EMULATOR.baseUrl(), EMULATOR.apiKey(), Timeout.ofMilliseconds(200))) {
            assertThatThrownBy(() -> impatient.get("/api/v3/files")).isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
            EMULATOR.faults().reset();
            assertThat(impatient.get("/api/v3/files").status()).isEqualTo(200);
        }
    }

    @Test
    void rateLimitAnswers429WithRetryAfterUntilASlotFreesUp() {
        EMULATOR.faults().rateLimitPerMinute(3);
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v3/files").status()).isEqualTo(200);
            EMULATOR.advance(Duration.ofSeconds(10));
        }
        ApiTestClient.Reply refused = api.get("/api/v3/files");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("30");
        UploadTest.assertErrorBody(refused.json());

        EMULATOR.advance(Duration.ofSeconds(29));
        assertThat(api.get("/api/v3/files").header("Retry-After")).isEqualTo("1");
        EMULATOR.advance(Duration.ofSeconds(1));
        assertThat(api.get("/api/v3/files").status()).isEqualTo(200);
        assertThat(api.get("/api/v3/files").status()).isEqualTo(429);
    }

    @Test
    void rateLimitAdmitsExactlyTheConfiguredRateInEverySixtySeconds() {
        EMULATOR.faults().rateLimitPerMinute(120);
        List<Long> admittedAtMillis = new ArrayList<>();
        for (int request = 0; request < 600; request++) {  // one request every 250 ms for 150 s: twice the rate
            if (api.get("/api/v3/workspaces").status() == 200) {
                admittedAtMillis.add(request * 250L);
            }
            EMULATOR.advance(Duration.ofMillis(250));
        }
        int busiestMinute = 0;
        for (long start : admittedAtMillis) {
            int inWindow = (int) admittedAtMillis.stream().filter(t -> t >= start && t < start + 60_000).count();
            busiestMinute = Math.max(busiestMinute, inWindow);
        }
        assertThat(busiestMinute).isEqualTo(120);
        assertThat(admittedAtMillis).hasSize(360);  // saturated: 120 at 0 s, 60 s and 120 s
    }

    @Test
    void concurrentUploadsOfOneSessionBeyondTheLimitGet429() throws Exception {
        EMULATOR.faults().maxConcurrentUploadsPerSession(2).latency(Duration.ofMillis(700)).retryAfterSeconds(3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<ApiTestClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(CompletableFuture.supplyAsync(
                        () -> api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send(), pool));
            }
            List<Integer> statuses = replies.stream().map(CompletableFuture::join).map(ApiTestClient.Reply::status).toList();
            assertThat(statuses).containsOnly(201, 429).filteredOn(s -> s == 201).hasSize(2);
            ApiTestClient.Reply refused = replies.stream().map(CompletableFuture::join).filter(r -> r.status() == 429)
                    .findFirst().orElseThrow();
            assertThat(refused.header("Retry-After")).isEqualTo("3");
            assertThat(EMULATOR.storedFiles()).hasSize(2);
            assertThat(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send().status()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failNextAnswersTheStatusThenRecovers() {
        EMULATOR.faults().failNext(2, 503);

        ApiTestClient.Reply first = api.get("/api/v3/files");
        ApiTestClient.Reply second = api.upload("a.pdf", new byte[3 * 1024 * 1024]).workspace(EMULATOR.workspaceId()).send();
        ApiTestClient.Reply third = api.get("/api/v3/files");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isEqualTo("1");
        UploadTest.assertErrorBody(first.json());
        assertThat(second.status()).isEqualTo(503);
        assertThat(third.status()).isEqualTo(200);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void failNextWithAServerErrorHasNoRetryAfter() {
        EMULATOR.faults().failNext(1, 500);
        ApiTestClient.Reply reply = api.get("/api/v3/files");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.header("Retry-After")).isNull();
    }

    @Test
    void randomErrorsHitAboutTheFractionReproduciblyFromTheSeed() {
        List<Integer> run1 = statusesWithRandomErrors(EMULATOR.emulator(), 42);
        List<Integer> run2;
        try (ParadigmEmulator other = ParadigmEmulator.builder().build().start()) {
            run2 = statusesWithRandomErrors(other, 42);
        }
        long throttled = run1.stream().filter(s -> s == 429).count();
        assertThat(throttled).isBetween(40L, 80L);
        assertThat(run1).containsOnly(200, 429).isEqualTo(run2);
    }

    private static List<Integer> statusesWithRandomErrors(ParadigmEmulator emulator, long seed) {
        emulator.faults().randomErrors(0.3, 429, seed);
        List<Integer> statuses = new ArrayList<>();
        try (ApiTestClient client = ApiTestClient.of(emulator)) {
            for (int i = 0; i < 200; i++) {
                ApiTestClient.Reply reply = client.get("/api/v3/workspaces");
                statuses.add(reply.status());
                if (reply.status() == 429) {
                    assertThat(reply.header("Retry-After")).isEqualTo("1");
                }
            }
        }
        return statuses;
    }

    @Test
    void randomErrorsOfSeveralStatusesAddUpAndOneStatusSetAgainIsReplaced() {
        EMULATOR.faults().randomErrors(0.5, 502, 7).randomErrors(0.3, 429, 7).randomErrors(0.05, 502, 7);
        Map<Integer, Long> byStatus = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            byStatus.merge(api.get("/api/v3/workspaces").status(), 1L, Long::sum);
        }
        assertThat(byStatus.keySet()).containsOnly(200, 429, 502);
        assertThat(byStatus.get(429)).isBetween(240L, 360L);
        assertThat(byStatus.get(502)).isBetween(25L, 80L);
        assertThatThrownBy(() -> EMULATOR.faults().randomErrors(0.8, 503, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not exceed 1");
    }

    @Test
    void maintenanceAnswers503WithRetryAfterForTheWindow() {
        EMULATOR.faults().maintenance(Duration.ofMinutes(5));

        ApiTestClient.Reply during = api.get("/api/v3/files");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.json().get("error").asText()).isEqualTo("service_maintenance");
        assertThat(during.header("Retry-After")).isEqualTo("300");
        EMULATOR.advance(Duration.ofMinutes(4));
        assertThat(api.get("/api/v3/files").header("Retry-After")).isEqualTo("60");
        EMULATOR.advance(Duration.ofMinutes(1));
        assertThat(api.get("/api/v3/files").status()).isEqualTo(200);
    }

    @Test
    void maintenanceForTheNextRequestsDoesNotDependOnTheClock() {
        EMULATOR.faults().retryAfterSeconds(2).maintenanceForNext(2).failNext(1, 502);

        ApiTestClient.Reply first = api.get("/api/v3/files");
        ApiTestClient.Reply second = api.get("/api/v3/workspaces");

        assertThat(List.of(first, second)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("error").asText()).isEqualTo("service_maintenance");
            assertThat(reply.header("Retry-After")).isEqualTo("2");
        });
        assertThat(api.get("/api/v3/files").status()).as("the injected error waited for the window").isEqualTo(502);
        assertThat(api.get("/api/v3/files").status()).isEqualTo(200);
    }

    @Test
    void droppedConnectionsGetNoResponse() {
        EMULATOR.faults().dropNext(1);

        assertThatThrownBy(() -> api.get("/api/v3/files")).isInstanceOf(UncheckedIOException.class);
        assertThat(api.get("/api/v3/files").status()).isEqualTo(200);
        assertThat(EMULATOR.requests()).extracting(RecordedRequest::status).containsExactly(0, 200);
    }

    @Test
    void droppedUploadIsNotStored() {
        EMULATOR.faults().dropNext(1);

        assertThatThrownBy(() -> api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send())
                .isInstanceOf(UncheckedIOException.class);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void dropFractionDropsAboutThatShareReproducibly() {
        EMULATOR.faults().dropFraction(0.5, 7);
        int dropped = 0;
        for (int i = 0; i < 60; i++) {
            try {
                assertThat(api.get("/api/v3/workspaces").status()).isEqualTo(200);
            } catch (UncheckedIOException e) {
                dropped++;
            }
        }
        assertThat(dropped).isBetween(15, 45);
        assertThat(EMULATOR.requests()).filteredOn(r -> r.status() == 0).hasSize(dropped);
    }

    @Test
    void dropAfterStoreKeepsTheFileButLosesTheResponse() {
        EMULATOR.faults().dropAfterStore(1);

        assertThatThrownBy(() -> api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send())
                .isInstanceOf(UncheckedIOException.class);
        assertThat(EMULATOR.storedFiles()).hasSize(1);
        assertThat(api.upload("b.pdf", PDF).workspace(EMULATOR.workspaceId()).send().status()).isEqualTo(201);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::filename).containsExactly("a.pdf", "b.pdf");
    }

    @Test
    void malformedJsonNextBreaksSuccessfulBodiesOnly() {
        EMULATOR.faults().malformedJsonNext(1);

        ApiTestClient.Reply unauthorized;
        try (ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null)) {
            unauthorized = anonymous.get("/api/v3/files");
        }
        ApiTestClient.Reply broken = api.get("/api/v3/files");
        ApiTestClient.Reply fine = api.get("/api/v3/files");

        assertThat(unauthorized.json().get("error").asText()).isNotBlank();
        assertThat(EMULATOR.takeContractViolations()).singleElement().asString()
                .contains("GET /api/v3/files -> 401").contains("security");
        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.header("Content-Type")).startsWith("application/json");
        assertThatThrownBy(() -> ApiTestClient.MAPPER.readTree(broken.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(fine.json().get("count").asInt()).isZero();
    }

    @Test
    void resetTurnsEveryFaultOff() {
        EMULATOR.faults().latency(Duration.ofSeconds(30)).rateLimitPerMinute(1).failNext(5, 500)
                .maintenance(Duration.ofHours(1)).dropNext(5).malformedJsonNext(5).randomErrors(1.0, 503, 1)
                .dropFraction(1.0, 1).dropAfterStore(3).maxConcurrentUploadsPerSession(1).retryAfterSeconds(9);

        EMULATOR.faults().reset();

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v3/files").json().get("count").asInt()).isZero();
        }
        assertThat(api.upload("a.pdf", PDF).workspace(EMULATOR.workspaceId()).send().status()).isEqualTo(201);
    }
}
