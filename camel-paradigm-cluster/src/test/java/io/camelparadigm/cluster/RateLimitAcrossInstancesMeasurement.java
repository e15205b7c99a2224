package io.camelparadigm.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not part of {@code mvn verify} (a rate-limited run needs more than one 60 s window): three
 * instances with one API key upload a shared folder to an emulator admitting {@code cluster.rateLimit.perMinute}
 * requests per minute. Prints the admitted request rate against the best the window allows, the 429s and the failed
 * uploads. Run it with
 * {@code mvn -B verify -pl camel-paradigm-cluster -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=RateLimitAcrossInstancesMeasurement} (options: {@code -Dcluster.rateLimit.perMinute},
 * {@code -Dcluster.rateLimit.files}, {@code -Dcluster.rateLimit.instances}, {@code -Dcluster.rateLimit.maxSeconds},
 * {@code -Dcluster.rateLimit.endpointOptions=&maxRetries=10}). A run that has not stored every file after maxSeconds
 * prints its figures so far and fails.
 */
class RateLimitAcrossInstancesMeasurement {

    private static final int LIMIT = Integer.getInteger("cluster.rateLimit.perMinute", 600);
    /** Two requests per file (the look-up by external id, the upload): 0.75 x the limit crosses one window. */
    private static final int FILES = Integer.getInteger("cluster.rateLimit.files", LIMIT * 3 / 4);
    private static final String OPTIONS = System.getProperty("cluster.rateLimit.endpointOptions", "");
    private static final int INSTANCES = Integer.getInteger("cluster.rateLimit.instances", 3);
    private static final Duration MAX_DURATION = Duration.ofSeconds(Long.getLong("cluster.rateLimit.maxSeconds", 300));
    private static final int CONCURRENCY = 4;

    private static ParadigmEmulator emulator;
    private static ClusterDatabase database;

    @TempDir
    Path shared;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        emulator = ParadigmEmulator.builder().realClock().build().start(); // the rate limit counts on its clock
        database = new ClusterDatabase();
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        database.close();
        emulator.close();
    }

    @Test
    void threeInstancesShareOneKeysRateLimit() {
        emulator.faults().latency(Duration.ofMillis(50)).rateLimitPerMinute(LIMIT);
        try (UploadCluster cluster = new UploadCluster(emulator, database, shared)) {
            cluster.start("limited", INSTANCES, CONCURRENCY, 30_000, OPTIONS);
            emulator.clearRequests();
            Instant begin = Instant.now();
            cluster.placeFiles("limited", FILES);
            boolean done = cluster.awaitAllUploaded("limited", FILES, MAX_DURATION);
            double seconds = Duration.between(begin, Instant.now()).toMillis() / 1000.0;

            List<RecordedRequest> requests = emulator.requests();
            long refused = requests.stream().filter(request -> request.status() == 429).count();
            long admitted = requests.size() - refused;
            long failed = database.sql().queryForObject("SELECT COUNT(*) FROM upload_failed", Long.class);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("instances", INSTANCES);
            figures.put("concurrencyPerInstance", CONCURRENCY);
            figures.put("rateLimitPerMinute", LIMIT);
            figures.put("endpointOptions", OPTIONS);
            figures.put("files", FILES);
            figures.put("stored", cluster.storedCount());
            figures.put("seconds", seconds);
            figures.put("filesPerSecond", round(cluster.storedCount() / seconds));
            figures.put("admittedRequests", admitted);
            figures.put("admittedRequestsPerSecond", round(admitted / seconds));
            figures.put("limitPerSecond", round(LIMIT / 60.0));
            figures.put("toWindowsBest", round(bestSeconds(admitted) / seconds));
            figures.put("tooManyRequests", refused);
            figures.put("failedExchanges", failed);
            Figures.print("rate limit shared by " + INSTANCES + " instances", figures);
            assertThat(done).as("every file stored within " + MAX_DURATION).isTrue();
            cluster.assertEveryFileStoredOnce(FILES);
            assertThat(failed).as("failed exchanges (their files were uploaded by a later poll)").isZero();
        }
    }

    /** The shortest time the sliding 60 s window lets {@code requests} through: a burst, then one per window. */
    private static double bestSeconds(long requests) {
        return (requests - 1) / LIMIT * 60.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
