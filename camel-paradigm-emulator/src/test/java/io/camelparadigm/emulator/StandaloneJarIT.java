package io.camelparadigm.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone jar as docs/emulator.md runs it ({@code java -jar ...-standalone.jar}), with only what its shading
 * keeps on the class path: an upload whose name needs every part of the name handling (an HTML character reference,
 * decoded through jsoup) is stored and processed.
 */
class StandaloneJarIT {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern WORKSPACE = Pattern.compile("workspace_id: (\\d+)");

    @Test
    void theStandaloneJarStoresAndProcessesAnUpload() throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar", "target/standalone.jar"));
        assertThat(jar).as("built by the package phase").exists();
        Process emulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--port", "0", "--step", "100ms", "--api-key", "standalone-key")
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try {
            String banner = CompletableFuture.supplyAsync(() -> awaitBanner(emulator, output))
                    .get(60, TimeUnit.SECONDS);
            try (ApiTestClient api = new ApiTestClient(find(LISTENING, banner), "standalone-key")) {
                long workspace = Long.parseLong(find(WORKSPACE, banner));
                ApiTestClient.Reply stored = api.upload("R&amp;D notes.txt", "notes".getBytes(StandardCharsets.UTF_8))
                        .workspace(workspace).send();

                assertThat(stored.status()).as(stored.body() + "\n" + output).isEqualTo(201);
                assertThat(stored.json().get("filename").asText()).isEqualTo("R&D notes.txt");
                long id = stored.json().get("id").asLong();
                String status = null;
                for (int i = 0; i < 250 && !"embedded".equals(status); i++) {
                    ApiTestClient.awaitQuietly(20);
                    JsonNode file = api.get("/api/v3/files/" + id).json();
                    status = file.get("status").asText();
                }
                assertThat(status).isEqualTo("embedded");
            }
        } finally {
            emulator.destroy();
            if (!emulator.waitFor(30, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
    }

    @Test
    void versionPrintsTheBuiltVersion() throws Exception {
        Path jar = Path.of(System.getProperty("standalone.jar", "target/standalone.jar"));
        Process version = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--version").redirectErrorStream(true).start();
        String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(version.exitValue()).isZero();
        assertThat(output.strip()).isEqualTo("paradigm-emulator " + System.getProperty("emulator.version"));
    }

    private static void drain(BufferedReader lines, StringBuilder output) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
            }
        } catch (IOException endedWithTheProcess) {
            // the stream closes when the emulator stops
        }
    }

    private static String find(Pattern pattern, String banner) {
        Matcher matcher = pattern.matcher(banner);
        assertThat(matcher.find()).as(banner).isTrue();
        return matcher.group(1);
    }

    /** Reads the banner up to its workspace line, then keeps draining the output so the emulator never blocks. */
    private static String awaitBanner(Process emulator, StringBuilder output) {
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (WORKSPACE.matcher(line).find()) {
                    Thread drain = new Thread(() -> drain(lines, output), "standalone-emulator-output");
                    drain.setDaemon(true);
                    drain.start();
                    synchronized (output) {
                        return output.toString();
                    }
                }
            }
            throw new AssertionError("The standalone emulator ended before listening:\n" + output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
