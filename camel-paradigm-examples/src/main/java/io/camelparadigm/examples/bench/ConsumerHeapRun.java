package io.camelparadigm.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelparadigm.emulator.ParadigmEmulator;

/**
 * {@code paradigm:fileEvents} on a workspace of many processed files in a separate JVM with a small heap ({@link
 * ConsumerHeapProbe}), for each first start: all (every file is a first sight), an instant before the files were
 * created (likewise), now (then every file changes: its status_vision moves, as when vision processing ends after the
 * text). The emulator, which holds the files, runs in this JVM, so the child's heap is the consumer's alone.
 */
final class ConsumerHeapRun {

    private static final Duration SETTLE = Duration.ofSeconds(15);

    record Figures(String scenario, String startFrom, int workspaceFiles, String childHeap, long events, long lost,
                   long duplicates, long peakHeapMb, double seconds, String error) {
    }

    private ConsumerHeapRun() {
    }

    static Figures run(String scenario, String startFrom, int workspaceFiles, String childHeap) throws Exception {
        try (ParadigmEmulator emulator = ParadigmEmulator.builder().manualClock().build().start()) {
            Instant beforeTheFiles = emulator.now();
            List<Long> ids = emulator.seedFiles(emulator.workspaceId(), workspaceFiles, "bulk-");
            emulator.completeAll();
            emulator.advance(SETTLE);
            String option = startFrom.equals("instant") ? beforeTheFiles.toString() : startFrom;
            Process child = new ProcessBuilder(javaCommand(), "-Xmx" + childHeap, "-XX:+ExitOnOutOfMemoryError", "-cp",
                    System.getProperty("java.class.path"), ConsumerHeapProbe.class.getName(), emulator.baseUrl(),
                    emulator.apiKey(), Long.toString(emulator.workspaceId()), option, Integer.toString(workspaceFiles))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line = out.readLine();
                if (ConsumerHeapProbe.READY.equals(line) && startFrom.equals("now")) {
                    emulator.advance(SETTLE);
                    ids.forEach(id -> emulator.setStatusVision(id, "fail"));
                    emulator.advance(SETTLE);
                }
                String result = line;
                while (result != null && !result.startsWith("{")) {
                    result = out.readLine(); // "ready", or the JVM's own words when it runs out of memory
                }
                int exit = child.waitFor();
                return figures(scenario, startFrom, workspaceFiles, childHeap, result, exit);
            } finally {
                child.destroy();
            }
        }
    }

    private static Figures figures(String scenario, String startFrom, int files, String heap, String result,
                                   int exit) throws IOException {
        if (result == null) {
            return new Figures(scenario, startFrom, files, heap, 0, files, 0, 0, 0,
                    "the child JVM ended with status " + exit + " and no figures (out of memory?)");
        }
        JsonNode json = new ObjectMapper().readTree(result);
        return new Figures(scenario, startFrom, files, heap, json.path("events").asLong(),
                files - json.path("distinct").asLong(), json.path("duplicates").asLong(),
                json.path("peakHeapMb").asLong(), json.path("seconds").asDouble(),
                json.hasNonNull("error") ? json.get("error").asText() : null);
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static List<String> modes() {
        return List.of("all", "now", "instant");
    }
}
