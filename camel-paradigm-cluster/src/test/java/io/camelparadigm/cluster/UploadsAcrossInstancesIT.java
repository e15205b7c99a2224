package io.camelparadigm.cluster;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.ParadigmEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances, each its own JVM, upload the files of one shared folder to one emulator; the file consumer's read lock
 * is an entry of Camel's JDBC idempotent repository in PostgreSQL. One of three instances is killed half-way.
 * {@code -Dcluster.uploads.files=3000} sets the number of files (400 by default, to keep the build short).
 */
class UploadsAcrossInstancesIT {

    private static final int FILES = Integer.getInteger("cluster.uploads.files", 400);
    private static final int CONCURRENCY = 4;
    private static final Duration LATENCY = Duration.ofMillis(50);
    private static final long LOCK_MAX_AGE_MS = 5_000;

    private static ParadigmEmulator emulator;
    private static ClusterDatabase database;

    @TempDir
    Path shared;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        emulator = ParadigmEmulator.builder().build().start();
        database = new ClusterDatabase();
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        database.close();
        emulator.close();
    }

    @Test
    void threeInstancesOneKilledHalfWayStoreEveryFileOnce() {
        double single = filesPerSecond("single", 1, false);
        double three = filesPerSecond("three", 3, true);
        Instant killedAt = database.sql().queryForObject("SELECT killed_at FROM run_marks",
                (row, i) -> row.getTimestamp(1).toInstant());

        // the files the killed instance had started: another instance took each of them over once its lock was older
        // than the maximum age, and uploaded it or found it stored by its external id
        List<String> inFlight = inFlightOn("three-1");
        long foundStored = database.sql().queryForObject("SELECT COUNT(*) FROM uploaded WHERE skipped", Long.class);

        Figures.print("uploads from a shared folder, 3 instances, one killed half-way", Map.of(
                "files", FILES,
                "concurrencyPerInstance", CONCURRENCY,
                "latencyMs", LATENCY.toMillis(),
                "lockMaxAgeMs", LOCK_MAX_AGE_MS,
                "threeInstancesFilesPerSecond", round(three),
                "singleInstanceFilesPerSecond", round(single),
                "inFlightOnTheKilledInstance", inFlight.size(),
                "foundStoredByExternalId", foundStored,
                "stored", FILES,
                "duplicates", 0));
        assertThat(database.sql().queryForList("SELECT node || ' ' || file_name || ': ' || error FROM upload_failed",
                String.class)).as("failed exchanges").isEmpty();
        assertThat(inFlight).as("files in flight on the killed instance").isNotEmpty();
        long keepAliveMs = LOCK_MAX_AGE_MS / 4;
        for (String file : inFlight) {
            Timestamp takenOver = database.sql().queryForObject(
                    "SELECT MIN(at) FROM uploaded WHERE file_name = ? AND node <> 'three-1'", Timestamp.class, file);
            assertThat(takenOver).as("%s taken over", file).isNotNull();
            assertThat(takenOver.toInstant()).as("%s taken over", file)
                    .isAfter(killedAt.plusMillis(LOCK_MAX_AGE_MS - keepAliveMs));
        }
    }

    /** {@code instances} upload {@link #FILES} files (the first one killed half-way when {@code kill}): files/s. */
    private double filesPerSecond(String run, int instances, boolean kill) {
        database.clear();
        emulator.reset();
        emulator.faults().latency(LATENCY);
        try (UploadCluster cluster = new UploadCluster(emulator, database, shared)) {
            List<NodeProcess> nodes = cluster.start(run, instances, CONCURRENCY, LOCK_MAX_AGE_MS, "");
            Instant begin = Instant.now();
            cluster.placeFiles(run, FILES);
            if (kill) {
                Eventually.until(UploadCluster.WAIT, "half the files stored", () -> cluster.storedCount() >= FILES / 2);
                // slow answers for a moment, so that the instance is surely killed in the middle of uploads
                emulator.faults().latency(Duration.ofSeconds(2));
                Eventually.until(UploadCluster.WAIT, "uploads in flight on " + nodes.get(0).name(),
                        () -> !inFlightOn(nodes.get(0).name()).isEmpty());
                database.sql().update("INSERT INTO run_marks (killed_at) VALUES (clock_timestamp())");
                nodes.get(0).kill();
                emulator.faults().latency(LATENCY);
            }
            cluster.awaitAllUploaded(run, FILES);
            Instant end = Instant.now();
            cluster.assertEveryFileStoredOnce(FILES);
            return FILES / (Duration.between(begin, end).toMillis() / 1000.0);
        }
    }

    /** Files whose upload {@code node} started and did not finish (or not yet). */
    private static List<String> inFlightOn(String node) {
        return database.sql().queryForList("SELECT file_name FROM upload_started s WHERE node = ? AND NOT EXISTS"
                + " (SELECT 1 FROM uploaded u WHERE u.node = s.node AND u.file_name = s.file_name)", String.class, node);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
