package io.camelparadigm.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged app the way README.md tells a new user to, in a separate JVM with no Paradigm settings in
 * its environment.
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
        Map<String, String> env = Map.of("UPLOADER_FILES_DIR", SAMPLES.toString(), "PARADIGM_EMULATOR_STEP", "PT0.2S");

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

    private record Result(int status, String output) {
    }

    private static Result java(Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", APP_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARADIGM_") || name.startsWith("UPLOADER_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not end within 2 minutes:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
