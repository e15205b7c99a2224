package io.camelparadigm.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.model.Page;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorMain;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The emulator as a user runs it ({@code ParadigmEmulatorMain}), in a process of its own, so that what is measured
 * against it is an uploader process and nothing else; and what it stored, read back through its API.
 */
final class StandaloneEmulator implements AutoCloseable {

    static final String API_KEY = "bench-key";
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Pattern WORKSPACE = Pattern.compile("workspace_id: (\\d+)");

    private final Process process;
    private final String baseUrl;
    private final long workspaceId;
    private final CloseableHttpClient http = HttpClients.createDefault();
    private final ParadigmClient client;

    private StandaloneEmulator(Process process, String baseUrl, long workspaceId) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.workspaceId = workspaceId;
        this.client = new ParadigmClient(http, baseUrl, API_KEY, Duration.ofMinutes(5));
    }

    /** Starts it on a random port and waits for its banner. */
    static StandaloneEmulator start(Duration step, String heap) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(javaCommand(), "-Xmx" + heap, "-cp",
                System.getProperty("java.class.path"), ParadigmEmulatorMain.class.getName(), "--port", "0",
                "--step", step.toMillis() + "ms", "--api-key", API_KEY, "--request-log-limit", "1000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String baseUrl = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                baseUrl = listening.group(1);
            }
            Matcher workspace = WORKSPACE.matcher(line);
            if (baseUrl != null && workspace.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }), "emulator-output");
                drain.setDaemon(true);
                drain.start();
                return new StandaloneEmulator(process, baseUrl, Long.parseLong(workspace.group(1)));
            }
        }
        process.destroyForcibly();
        throw new IOException("the emulator ended before saying where it listens");
    }

    String baseUrl() {
        return baseUrl;
    }

    long workspaceId() {
        return workspaceId;
    }

    /**
     * Serves a load that is not measured, then empties the workspace: uploads the files (HttpClient alone, as
     * {@link PlainHttpClientUploader}), lists them and deletes them. A run measured next meets a server whose code is
     * compiled, as a long-running service's is, instead of one that spends the run's first seconds compiling its
     * request handling on the cores the uploader under measure runs on.
     */
    void warmUp(List<Path> files, int concurrency) throws Exception {
        UploadTally tally = new PlainHttpClientUploader(concurrency, 0).upload(files,
                new Target(baseUrl, API_KEY, workspaceId));
        if (tally.failures() > 0) {
            throw new IOException("the emulator's warm-up failed: " + tally.firstFailure());
        }
        List<ParadigmFile> stored = client.listAllFiles(
                FileQuery.builder().workspaceIds(List.of(workspaceId)).pageSize(100).build(), Long.MAX_VALUE);
        for (int from = 0; from < stored.size(); from += 100) {
            client.bulkDelete(stored.subList(from, Math.min(stored.size(), from + 100)).stream()
                    .map(ParadigmFile::id).toList());
        }
        if (stored().count() != 0) {
            throw new IOException("the emulator's warm-up left documents in workspace " + workspaceId);
        }
    }

    /** How many documents the workspace holds, and when the first and the last were created (server clock). */
    StoredSpan stored() {
        FileQuery.Builder query = FileQuery.builder().workspaceIds(List.of(workspaceId)).pageSize(1);
        Page<ParadigmFile> first = client.listFiles(query.ordering("created_at").build());
        Page<ParadigmFile> last = client.listFiles(query.ordering("-created_at").build());
        if (first.results().isEmpty()) {
            return new StoredSpan(0, null, null);
        }
        return new StoredSpan(first.count(), first.results().get(0).createdAt(), last.results().get(0).createdAt());
    }

    /** @param count documents stored; first and last creation times, null when none */
    record StoredSpan(long count, OffsetDateTime first, OffsetDateTime last) {

        double seconds() {
            return first == null ? 0 : Duration.between(first, last).toNanos() / 1e9;
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
