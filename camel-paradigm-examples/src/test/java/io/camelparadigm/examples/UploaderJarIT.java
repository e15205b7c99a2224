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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
        // run where the README runs it; the class-data archive goes to the test's folder, not the module's
        Result run = java(Path.of("").toAbsolutePath(),
                Map.of("UPLOADER_STATE_DIR", workDir.resolve(".paradigm-uploader").toString()), "--files-dir", "samples");

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
        assertThat(markdownOnly.output()).contains("Summary: 3 files selected (5 more left out", "3 uploaded",
                "state file " + workDir.resolve("state.txt"));
        assertThat(workDir.resolve("state.txt")).isNotEmptyFile();

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
            assertThat(resumed.output()).containsPattern("already uploaded \\(");
        }
    }

    /**
     * Stopped (SIGTERM, as Ctrl-C) while it asks a slow server, one document at a time, about documents that never
     * finish processing: the run stops between two requests and prints its summary before the JVM ends. It asked on
     * to the last document before, and the shutdown hook's wait ran out first: no summary.
     */
    @Test
    void aRunStoppedWhileAskingAboutDocumentsStillProcessingPrintsItsSummary() throws Exception {
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofHours(1))
                .build().start()) {
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()),
                    "UPLOADER_POLL_INTERVAL", "PT0.2S");
            Process run = start(workDir, env, "--files-dir=" + SAMPLES, "--state-file=state.txt", "--progress=lines");
            Eventually.await("the 7 documents stored", Duration.ofSeconds(60),
                    () -> paradigm.storedFiles(paradigm.workspaceId()).size() == 7);
            paradigm.faults().latency(Duration.ofSeconds(10));
            Eventually.await("a document asked about by id", Duration.ofSeconds(60), () -> paradigm.requests().stream()
                    .anyMatch(request -> request.method().equals("GET") && request.path().matches("/api/v3/files/\\d+")));

            run.toHandle().destroy(); // SIGTERM, leaving the output readable (Process.destroy closes it)
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(output).contains("Summary: 8 files selected, 7 uploaded", "Interrupted");
        }
    }

    /**
     * {@code kill -9} while uploads are in flight (stored by Paradigm, answer not read yet), then the same command
     * again: in every {@code --on-existing} mode each document ends up stored exactly once, and the files whose
     * outcome the killed run did not learn are recognised by one look-up each.
     */
    @ParameterizedTest
    @ValueSource(strings = {"upload", "skip", "fail"})
    void aRunKilledWithSigkillAndRunAgainStoresEachDocumentOnce(String onExisting) throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("docs"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50))
                .build().start()) {
            // answers come 3 s after the document is stored: a kill lands between the two
            paradigm.faults().latency(Duration.ofSeconds(3));
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            String[] args = {"--files-dir=" + folder, "--state-file=state", "--batch-size=5",
                    "--on-existing=" + onExisting, "--progress=lines"};

            Process first = start(workDir, env, args);
            Eventually.await("a few documents stored", Duration.ofSeconds(90),
                    () -> paradigm.storedFiles(paradigm.workspaceId()).size() >= 8);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(paradigm.storedFiles(paradigm.workspaceId()).size()).isLessThan(30);

            paradigm.faults().reset();
            paradigm.clearRequests();
            Result resumed = java(workDir, env, args);

            assertThat(resumed.status()).as(resumed.output()).isZero();
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).hasSize(30)
                    .extracting(StoredFile::externalId).doesNotHaveDuplicates();
            assertThat(resumed.output()).contains("already uploaded (an interrupted run's upload had reached Paradigm)");
            long lookups = paradigm.requests().stream().filter(r -> r.query() != null
                    && r.query().contains("external_metadata__external_id")).count();
            long uploads = paradigm.requests().stream().filter(r -> r.method().equals("POST")).count();
            if (onExisting.equals("fail")) {
                assertThat(lookups).as("fail looks up every file not done, uploaded or not").isGreaterThan(uploads);
            } else {
                assertThat(lookups).as("only the files whose outcome was unknown are looked up").isBetween(1L, 5L);
            }
        }
    }

    /**
     * Started in the C locale (cron, containers, ssh without a locale), the uploader reads file names as UTF-8, as the
     * vendor's Python script does there: the document keeps its name, and a later run in a UTF-8 locale finds the
     * file in the state file instead of uploading it a second time.
     */
    @Test
    void inTheCLocaleFileNamesAreReadAsUtf8AndARunInAUtf8LocaleFindsThemInTheStateFile() throws Exception {
        assumeTrue(jvmReadsNamesAsUtf8In("C.UTF-8"), "this system has no C.UTF-8 locale (glibc before 2.35, not Debian)");
        Path folder = Files.createDirectories(workDir.resolve("docs"));
        // the name's UTF-8 bytes written by the shell: this JVM's own locale may not be able to name the file
        Process write = new ProcessBuilder("sh", "-c", "printf 'notes' > \"$(printf 'r\\303\\251sum\\303\\251.md')\"")
                .directory(folder.toFile()).start();
        assertThat(write.waitFor()).isZero();
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50))
                .build().start()) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(),
                    "PARADIGM_API_KEY", paradigm.apiKey(), "PARADIGM_WORKSPACE_ID",
                    String.valueOf(paradigm.workspaceId()), "LC_ALL", "C", "LANG", "C"));
            String[] args = {"--files-dir=" + folder, "--state-file=state", "--progress=lines"};

            Result inC = java(workDir, env, args);

            assertThat(inC.status()).as(inC.output()).isZero();
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).extracting(StoredFile::filename)
                    .containsExactly("r\u00e9sum\u00e9.md");

            env.put("LC_ALL", "C.UTF-8");
            Result inUtf8 = java(workDir, env, args);

            assertThat(inUtf8.status()).as(inUtf8.output()).isZero();
            assertThat(inUtf8.output()).contains("1  already uploaded (state file)");
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).hasSize(1);
        }
    }

    /**
     * {@code kill -9} in the middle of a {@code --sync --delete-missing} that uploads, replaces and deletes, then the
     * same command again: the end state is the folder's (one document per file, each with the file's content), and
     * no document was uploaded, replaced or deleted twice across the two runs.
     */
    @Test
    void aSyncKilledWithSigkillAndRunAgainConvergesWithoutDoingAnythingTwice() throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("docs"));
        for (int i = 0; i < 30; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50))
                .build().start()) {
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            String[] args = {"--files-dir=" + folder, "--state-file=state", "--batch-size=5", "--sync",
                    "--delete-missing", "--progress=lines"};
            Result initial = java(workDir, env, args);
            assertThat(initial.status()).as(initial.output()).isZero();
            for (int i = 0; i < 10; i++) { // changed
                Path file = folder.resolve("doc-" + i + ".txt");
                Files.writeString(file, "document " + i + ", revised");
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                        Files.getLastModifiedTime(file).toMillis() + 2000));
            }
            for (int i = 10; i < 15; i++) { // gone
                Files.delete(folder.resolve("doc-" + i + ".txt"));
            }
            for (int i = 30; i < 35; i++) { // new
                Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
            }
            paradigm.clearRequests();
            // answers come 3 s after the change is made: a kill lands between the two
            paradigm.faults().latency(Duration.ofSeconds(3));

            Process first = start(workDir, env, args);
            Eventually.await("a few documents replaced", Duration.ofSeconds(90),
                    () -> paradigm.requests().stream().filter(r -> r.method().equals("PATCH")).count() >= 3);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            paradigm.faults().reset();
            Result resumed = java(workDir, env, args);

            assertThat(resumed.status()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains(" 5 deleted",
                    "unchanged (same content, another modification time)"); // replaced by the killed run

            List<StoredFile> stored = paradigm.storedFiles(paradigm.workspaceId());
            assertThat(stored).extracting(StoredFile::filename).hasSize(30).doesNotHaveDuplicates()
                    .noneMatch(name -> name.matches("doc-1[0-4]\\.txt"));
            for (StoredFile file : stored) {
                assertThat(file.sha256()).as(file.filename()).isEqualTo(sha256(folder.resolve(file.filename())));
            }
            // the killed run's requests are answered (status recorded) once their 3 s latency is over, which can be
            // after the rerun ended
            Eventually.await("every request answered", Duration.ofSeconds(30),
                    () -> paradigm.requests().stream().allMatch(r -> r.status() > 0));
            // a request the kill cut off in the middle of its body was never applied: only answered ones count
            List<io.camelparadigm.emulator.RecordedRequest> applied = paradigm.requests().stream()
                    .filter(r -> r.status() >= 200 && r.status() < 300).toList();
            Map<String, Long> changes = applied.stream()
                    .filter(r -> r.method().equals("PATCH") || r.method().equals("DELETE"))
                    .collect(java.util.stream.Collectors.groupingBy(r -> r.method() + " " + r.path(),
                            java.util.stream.Collectors.counting()));
            assertThat(changes.entrySet()).as("each change sent once over both runs: " + changes)
                    .allMatch(change -> change.getValue() == 1);
            assertThat(changes.keySet().stream().filter(change -> change.startsWith("PATCH"))).hasSize(10);
            assertThat(changes.keySet().stream().filter(change -> change.startsWith("DELETE"))).hasSize(5);
            assertThat(applied.stream().filter(r -> r.method().equals("POST"))).hasSize(5);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The heap runs out in the middle of a run (a processing error whose detail is larger than the uploader's heap):
     * one clear message after the summary, exit status 3, no success line, and the same command then resumes.
     */
    @Test
    void runningOutOfMemoryEndsTheRunWithAMessageAndStatus3AndTheSameCommandResumes() throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("docs"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50))
                .build().start()) {
            paradigm.scriptFailure("doc-7\\.txt", "parsing_failed", "x".repeat(48 * 1024 * 1024));
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            String[] args = {"--files-dir=" + folder, "--state-file=state", "--progress=lines"};

            Result run = java(workDir, env, List.of("-Xmx48m"), args);

            assertThat(run.status()).as(run.output()).isEqualTo(3);
            assertThat(run.output()).contains("Summary: ", "Out of memory: the uploader stopped (maximum heap ",
                    "Run the same command again to upload only what is missing (state file "
                    + workDir.resolve("state") + ")").doesNotContain("Every uploaded document is processed.");

            Result again = java(workDir, env, List.of("-Xmx48m"), args);

            assertThat(again.status()).as(again.output()).isZero();
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).hasSize(20)
                    .extracting(StoredFile::externalId).doesNotHaveDuplicates();
        }
    }

    /** Tens of thousands of files in a heap far too small to hold a list of them. */
    @Test
    void twentyThousandFilesUploadWithAThirtyTwoMegabyteHeap() throws Exception {
        Path folder = workDir.resolve("many");
        for (int dir = 0; dir < 20; dir++) {
            Path sub = Files.createDirectories(folder.resolve("part-" + dir));
            for (int i = 0; i < 1000; i++) {
                Files.writeString(sub.resolve("document-with-a-rather-long-name-" + i + ".txt"), "d" + i);
            }
        }
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(10))
                .build().start()) {
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));

            Result run = java(workDir, env, List.of("-Xmx32m"), "--files-dir=" + folder, "--batch-size=20",
                    "--state-file=state", "--progress=lines");

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).contains("Summary: 20000 files selected, 20000 uploaded", "  embedded            20000");
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).hasSize(20_000);
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

    /**
     * The upload runs in a second JVM with the options a short run needs: the JVM options given before {@code -jar}
     * reach it, its exit status is the command's, and from the second run on it maps its classes from the
     * class-data archive the first run wrote in the state folder.
     */
    @Test
    void theSecondJvmTakesTheJvmOptionsGivesItsExitStatusAndUsesTheArchiveTheFirstRunWrote() throws Exception {
        Map<String, String> env = Map.of("PARADIGM_EMULATOR_STEP", "PT0.1S", "UPLOADER_POLL_INTERVAL", "PT0.2S");
        List<String> options = List.of("-Duploader.include-extensions=md",
                "-Xlog:class+load:file=" + workDir.resolve("classes-%p.log"));

        Result first = java(workDir, env, options, "--files-dir=" + SAMPLES);

        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains("Summary: 3 files selected (5 more left out").doesNotContain("[cds");
        assertThat(archives()).hasSize(1);
        deleteClassLoadLogs();

        Result second = java(workDir, env, options, "--files-dir=" + SAMPLES);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(classLoadLogs()).anyMatch(log -> log.contains(
                "io.camelparadigm.examples.uploader.FolderUploadRoutes source: shared objects file"));
        assertThat(archives()).hasSize(1);

        Result badSetting = java(workDir, env, "--files-dir=" + SAMPLES, "--batch-size=0");

        assertThat(badSetting.status()).as(badSetting.output()).isEqualTo(2);
        assertThat(badSetting.output()).contains("Error: ");
    }

    /** {@code --help} needs no second JVM, nor does a run told not to start one: neither writes an archive. */
    @Test
    void helpAndTheOptOutRunInTheFirstJvm() throws Exception {
        Result help = java(workDir, Map.of(), "--help");

        assertThat(help.status()).isZero();
        assertThat(help.output()).contains("Usage: paradigm-uploader");

        Result optedOut = java(workDir, Map.of("UPLOADER_RELAUNCH", "false", "PARADIGM_EMULATOR_STEP", "PT0.1S",
                "UPLOADER_POLL_INTERVAL", "PT0.2S"), "--files-dir=" + SAMPLES, "--include-extensions=md");

        assertThat(optedOut.status()).as(optedOut.output()).isZero();
        assertThat(optedOut.output()).contains("Summary: 3 files selected");
        assertThat(workDir.resolve(".paradigm-uploader").resolve("jvm")).doesNotExist();
    }

    /**
     * Ctrl-C in a terminal reaches every process of the command (here: SIGINT to the process group): the run stops
     * as it always did, with its summary, and the command's status is 130.
     */
    @Test
    void ctrlCStopsTheRunWithItsSummaryAndStatus130() throws Exception {
        assumeFalse(sigintIgnoredHere(), "SIGINT is ignored in this JVM (started as a background job or under a CI "
                                         + "runner that ignores it), and so in every process it starts: Ctrl-C "
                                         + "cannot reach the uploader here");
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofHours(1))
                .build().start()) {
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            Process run = start(workDir, env, List.of("setsid"), List.of(), "--files-dir=" + SAMPLES,
                    "--state-file=state.txt", "--progress=lines");
            Eventually.await("the 7 documents stored", Duration.ofSeconds(60),
                    () -> paradigm.storedFiles(paradigm.workspaceId()).size() == 7);

            signal("-INT", "-" + run.pid()); // the process group setsid made: the launcher and the second JVM
            String output = outputOnceEnded(run);

            assertThat(run.exitValue()).as(output).isEqualTo(130);
            assertThat(output).contains("Summary: 8 files selected, 7 uploaded", "Interrupted");
        }
    }

    /** A {@code kill} of the launcher alone stops the second JVM the same way; its status is passed on. */
    @Test
    void aKillOfTheLauncherStopsTheSecondJvmWithItsSummary() throws Exception {
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofHours(1))
                .build().start()) {
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            Process run = start(workDir, env, "--files-dir=" + SAMPLES, "--state-file=state.txt", "--progress=lines");
            Eventually.await("the 7 documents stored", Duration.ofSeconds(60),
                    () -> paradigm.storedFiles(paradigm.workspaceId()).size() == 7);
            List<ProcessHandle> secondJvm = run.descendants().toList();
            assertThat(secondJvm).hasSize(1);

            run.toHandle().destroy(); // SIGTERM to the launcher only
            String output = outputOnceEnded(run);

            assertThat(run.exitValue()).as(output).isEqualTo(143);
            assertThat(output).contains("Summary: 8 files selected, 7 uploaded", "Interrupted");
            assertThat(secondJvm.get(0).isAlive()).isFalse();
        }
    }

    /**
     * {@code kill -9} of the launcher cannot be caught there: the second JVM notices and ends at once, so that no
     * orphan goes on uploading (beside a run started again with the same state file).
     */
    @Test
    void aLauncherKilledWithSigkillTakesTheSecondJvmWithIt() throws Exception {
        Path folder = Files.createDirectories(workDir.resolve("docs"));
        for (int i = 0; i < 200; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        try (ParadigmEmulator paradigm = ParadigmEmulator.builder().realClock().stepDuration(Duration.ofMillis(50))
                .build().start()) {
            paradigm.faults().latency(Duration.ofMillis(200));
            Map<String, String> env = Map.of("PARADIGM_BASE_URL", paradigm.baseUrl(), "PARADIGM_API_KEY",
                    paradigm.apiKey(), "PARADIGM_WORKSPACE_ID", String.valueOf(paradigm.workspaceId()));
            Process run = start(workDir, env, "--files-dir=" + folder, "--state-file=state", "--batch-size=1");
            Eventually.await("a few documents stored", Duration.ofSeconds(60),
                    () -> paradigm.storedFiles(paradigm.workspaceId()).size() >= 3);
            List<ProcessHandle> secondJvm = run.descendants().toList();
            assertThat(secondJvm).hasSize(1);

            run.destroyForcibly();

            Eventually.await("the second JVM ended", Duration.ofSeconds(30), () -> ended(secondJvm.get(0)));
            int stored = paradigm.storedFiles(paradigm.workspaceId()).size();
            assertThat(stored).isLessThan(200);
            Result resumed = java(workDir, env, "--files-dir=" + folder, "--state-file=state", "--batch-size=5");
            assertThat(resumed.status()).as(resumed.output()).isZero();
            assertThat(paradigm.storedFiles(paradigm.workspaceId())).hasSize(200)
                    .extracting(StoredFile::externalId).doesNotHaveDuplicates();
        }
    }

    /** Ended, or a zombie that only waits for its new parent (init) to collect its status. */
    private static boolean ended(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return true;
        }
    }

    private List<Path> archives() throws IOException {
        try (var files = Files.list(workDir.resolve(".paradigm-uploader").resolve("jvm"))) {
            return files.toList();
        }
    }

    private List<String> classLoadLogs() throws IOException {
        List<String> logs = new ArrayList<>();
        try (var files = Files.list(workDir)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("classes-")).toList()) {
                logs.add(Files.readString(log));
            }
        }
        return logs;
    }

    private void deleteClassLoadLogs() throws IOException {
        try (var files = Files.list(workDir)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("classes-")).toList()) {
                Files.delete(log);
            }
        }
    }

    /** What a stopped run printed; it must end within 2 minutes (else it and its second JVM are killed). */
    private static String outputOnceEnded(Process run) throws IOException, InterruptedException {
        boolean ended = run.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("the run ended after the signal:%n%s", output).isTrue();
        return output;
    }

    /** Whether this JVM's SIGINT is ignored (signal 2: bit 1 of SigIgn), as it then is in the processes it starts. */
    private static boolean jvmReadsNamesAsUtf8In(String locale) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XshowSettings:properties", "-version").redirectErrorStream(true);
        builder.environment().put("LC_ALL", locale);
        Process java = builder.start();
        String settings = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return settings.contains("sun.jnu.encoding = UTF-8");
    }

    private static boolean sigintIgnoredHere() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .anyMatch(line -> (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0);
    }

    private static void signal(String signal, String target) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, "--", target).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private record Result(int status, String output) {
    }

    private static Result java(Path directory, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return java(directory, env, List.of(), args);
    }

    private static Result java(Path directory, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Process process = start(directory, env, jvmOptions, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the app did not end within 5 minutes:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static Process start(Path directory, Map<String, String> env, String... args) throws IOException {
        return start(directory, env, List.of(), args);
    }

    private static Process start(Path directory, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        return start(directory, env, List.of(), jvmOptions, args);
    }

    private static Process start(Path directory, Map<String, String> env, List<String> wrapper,
                                 List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", APP_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("PARADIGM_") || name.startsWith("UPLOADER_"));
        // default state files go to the test's folder, not the home directory
        builder.environment().put("UPLOADER_STATE_DIR", directory.resolve(".paradigm-uploader").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
