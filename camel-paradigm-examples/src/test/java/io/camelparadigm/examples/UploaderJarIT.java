package io.camelparadigm.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.StoredFile;
import io.camelparadigm.examples.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged app the way README.md tells a new user to, in a separate JVM whose environment holds only the
 * settings each test gives it.
 */
class UploaderJarIT {

    private static final Path APP_JAR = Path.of(System.getProperty("app.jar", "target/paradigm-uploader.jar"));
    private static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void theReadmeCommandUploadsTheSamplesToAnEmbeddedEmulatorAndEndsWithEveryDocumentEmbedded() throws Exception {
        Result run = java(Path.of("").toAbsolutePath(), Map.of(), "--files-dir", "samples");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output().lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("No PARADIGM_BASE_URL/PARADIGM_API_KEY set: using an embedded Paradigm emulator at http://127.0.0.1:"));
        assertThat(run.output()).contains("Summary: 8 files selected, 7 uploaded", "  embedded                7",
                "1  unsupported extension: tools/cleanup.sh", "Every uploaded document is processed.");
    }

    @Test
    void settingsComeFromEnvironmentVariablesAndApplicationPropertiesAndTheCommandLineWins() throws Exception {
        Files.writeString(workDir.resolve("application.properties"),
                "uploader.include-extensions = md\nuploader.state-file = state.txt\n");
        Map<String, String> env = Map.of("UPLOADER_FILES_DIR", SAMPLES.toString(),
                "PARADIGM_EMULATOR_STEP", "PT0.2S", "UPLOADER_POLL_INTERVAL", "PT0.2S");

        Result markdownOnly = java(workDir, env);

        assertThat(markdownOnly.status()).as(markdownOnly.output()).isZero();
        assertThat(markdownOnly.output()).contains("Summary: 3 files selected (5 more left out", "3 uploaded");
        assertThat(Files.readAllLines(workDir.resolve("state.txt")))
                .containsExactlyInAnyOrder("handbook/onboarding.md", "support/faq.md", "welcome.md");

        Result withText = java(workDir, env, "--include-extensions=md,txt");

        assertThat(withText.status()).as(withText.output()).isZero();
        assertThat(withText.output()).contains("Summary: 5 files selected", "2 uploaded",
                "3  already uploaded (state file)");
    }

    @Test
    void aRunKilledHalfWayAndStartedAgainWithTheSameStateFileUploadsEachDocumentOnce() throws Exception {
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(100))
                .build().start()) {
            paradigm.faults().latency(Duration.ofMillis(400));
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            List<String> args = List.of("--files-dir=" + SAMPLES, "--state-file=state.txt", "--batch-size=1");

            Process first = start(workDir, env, args.toArray(String[]::new));
            Eventually.await("a few documents uploaded", Duration.ofSeconds(60),
                    () -> paradigm.storedFiles(paradigm.workspaceId()).size() >= 3);
            first.destroy();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int storedWhenKilled = paradigm.storedFiles(paradigm.workspaceId()).size();
            assertThat(storedWhenKilled).isBetween(3, 6);

            paradigm.faults().reset();
            Result resumed = java(workDir, env, args.toArray(String[]::new));

            assertThat(resumed.status()).as(resumed.output()).isZero();
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).extracting(StoredFile::filename)
                    .hasSize(7).doesNotHaveDuplicates();
            assertThat(resumed.output()).containsPattern("already uploaded \\(state file\\)|already in Paradigm");
        }
    }

    /** Every logger at DEBUG (Camel's, camel-main's, HttpClient's), the key from the environment or the command line. */
    @Test
    void withEveryLoggerAtDebugTheKeyIsInNoLineOfOutput() throws Exception {
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50))
                .build().start()) {
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(),
                    "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()),
                    "UPLOADER_POLL_INTERVAL", "PT0.2S", "JAVA_TOOL_OPTIONS", "-Dlog4j2.level=DEBUG");
            Map<String, String> withKey = new java.util.HashMap<>(env);
            withKey.put("PARADIGM_API_KEY", paradigm.apiKey());

            Result fromEnvironment = java(workDir, withKey, "--files-dir=" + SAMPLES, "--include-extensions=md");
            Result fromCommandLine = java(workDir, env, "--files-dir=" + SAMPLES, "--include-extensions=txt",
                    "--api-key=" + paradigm.apiKey());

            for (Result run : List.of(fromEnvironment, fromCommandLine)) {
                assertThat(run.status()).as(run.output()).isZero();
                assertThat(run.output()).contains("DEBUG").doesNotContain(paradigm.apiKey());
            }
        }
    }

    private record Result(int status, String output) {
    }

    private static Result java(Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Process process = start(directory, env, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not end within 2 minutes:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static Process start(Path directory, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", APP_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARADIGM_") || name.startsWith("UPLOADER_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
