package io.camelparadigm.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.StoredFile;

import static org.assertj.core.api.Assertions.assertThat;

/** Upload instances ({@link ClusterNode} role {@code uploads}) sharing one folder, one database and one emulator. */
final class UploadCluster implements AutoCloseable {

    static final Duration WAIT = Duration.ofMinutes(10);

    private final ParadigmEmulator emulator;
    private final ClusterDatabase database;
    private final Path shared;
    private final List<NodeProcess> nodes = new ArrayList<>();

    UploadCluster(ParadigmEmulator emulator, ClusterDatabase database, Path shared) {
        this.emulator = emulator;
        this.database = database;
        this.shared = shared;
    }

    /** Starts {@code instances} nodes named {@code <run>-1...} on the folder {@code <run>-inbox}; waits until ready. */
    List<NodeProcess> start(String run, int instances, int concurrency, long lockMaxAgeMs, String endpointOptions) {
        List<NodeProcess> started = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            started.add(NodeProcess.start("uploads", run + "-" + i, Map.of(
                    "node.role", "uploads",
                    "db.url", database.jdbcUrl(),
                    "paradigm.baseUrl", emulator.baseUrl(),
                    "paradigm.apiKey", emulator.apiKey(),
                    "paradigm.workspaceId", String.valueOf(emulator.workspaceId()),
                    "uploads.inbox", inbox(run).toString(),
                    "uploads.concurrency", String.valueOf(concurrency),
                    "uploads.lockMaxAgeMs", String.valueOf(lockMaxAgeMs),
                    "uploads.endpointOptions", endpointOptions)));
        }
        nodes.addAll(started);
        started.forEach(node -> node.awaitReady(WAIT));
        return started;
    }

    /** Writes {@code count} files aside, then moves them into the inbox: a poller never sees a half-written file. */
    void placeFiles(String run, int count) {
        Path staging = shared.resolve(run + "-staging");
        try {
            Files.createDirectories(staging);
            Files.createDirectories(inbox(run));
            for (String name : fileNames(count)) {
                Files.writeString(staging.resolve(name), name + "\n".repeat(200));
            }
            for (String name : fileNames(count)) {
                Files.move(staging.resolve(name), inbox(run).resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long storedCount() {
        return emulator.storedFiles(emulator.workspaceId()).size();
    }

    /** Until {@code count} documents are stored and every file left the inbox (moved to .done after its upload). */
    void awaitAllUploaded(String run, int count) {
        Eventually.until(WAIT, count + " files stored and moved", () -> allUploaded(run, count));
    }

    /** {@link #awaitAllUploaded(String, int)} for at most {@code timeout}: whether they were. */
    boolean awaitAllUploaded(String run, int count, Duration timeout) {
        try {
            Eventually.until(timeout, count + " files stored and moved", () -> allUploaded(run, count));
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }

    private boolean allUploaded(String run, int count) throws IOException {
        return storedCount() >= count && inboxEmpty(run);
    }

    /** One document per file, with the file's name as external id: none missing, none twice. */
    void assertEveryFileStoredOnce(int count) {
        List<StoredFile> stored = emulator.storedFiles(emulator.workspaceId());
        Map<String, Long> perExternalId = stored.stream()
                .collect(Collectors.groupingBy(StoredFile::externalId, HashMap::new, Collectors.counting()));
        assertThat(perExternalId.keySet()).isEqualTo(new HashSet<>(fileNames(count)));
        assertThat(perExternalId.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey))
                .as("stored more than once").isEmpty();
        assertThat(stored).hasSize(count);
    }

    @Override
    public void close() {
        nodes.forEach(NodeProcess::close);
    }

    private Path inbox(String run) {
        return shared.resolve(run + "-inbox");
    }

    private boolean inboxEmpty(String run) throws IOException {
        try (Stream<Path> files = Files.list(inbox(run))) {
            return files.noneMatch(Files::isRegularFile);
        }
    }

    private static List<String> fileNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add(String.format("doc-%05d.txt", i));
        }
        return names;
    }
}
