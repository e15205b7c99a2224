package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.camelparadigm.emulator.ObservedExchange;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder uploader end to end, against an emulator on a real clock, through its command line. */
class FolderUploaderTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final List<String> SAMPLE_DOCUMENTS = List.of("finance/q3-budget.csv",
            "handbook/expense-policy.txt", "handbook/onboarding.md", "handbook/security-policy.html",
            "support/faq.md", "support/known-issues.txt", "welcome.md");

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder()
            .realClock().stepDuration(Duration.ofMillis(100)).build();

    @TempDir
    Path temp;

    @BeforeEach
    void cleanSlate() {
        PARADIGM.reset();
    }

    @Test
    void uploadsTheSampleFolderAndFollowsEveryDocumentUntilEmbedded() {
        UploaderRun run = run("--files-dir=" + SAMPLES);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).containsExactlyInAnyOrderElementsOf(
                SAMPLE_DOCUMENTS.stream().map(path -> Path.of(path).getFileName().toString()).toList());
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).allSatisfy(file ->
                assertThat(file.status()).isEqualTo("embedded"));
        assertThat(run.output()).contains("Summary: 8 files selected, 7 uploaded",
                "  embedded                7", "  skipped                 1",
                "1  unsupported extension: tools/cleanup.sh", "Every uploaded document is processed.")
                .doesNotContain("Interrupted", "0/0", "--state-file");
        assertThat(lookups()).as("a first run asks nothing about the files").isEmpty();
        assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo("Every uploaded document is processed.");
    }

    @Test
    void anOptionOnTheCommandLineWinsOverTheSameSettingAsASystemProperty() {
        System.setProperty(UploaderSettings.BATCH_SIZE, "3");
        System.setProperty(UploaderSettings.INCLUDE_EXTENSIONS, "md");
        try {
            UploaderRun run = run("--files-dir=" + SAMPLES, "--batch-size=20", "--include-extensions=csv");

            assertThat(run.status()).as(run.output()).isZero();
            assertThat(run.output()).contains("with up to 20 concurrent uploads");
            assertThat(storedNames()).containsExactly("q3-budget.csv");
        } finally {
            System.clearProperty(UploaderSettings.BATCH_SIZE);
            System.clearProperty(UploaderSettings.INCLUDE_EXTENSIONS);
        }
    }

    @Test
    void eachDocumentCarriesItsSourcePathAsExternalId() {
        UploaderRun run = run("--files-dir=" + SAMPLES, "--include-extensions=csv");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).singleElement().satisfies(file ->
                assertThat(file.externalId()).isEqualTo(SAMPLES.resolve("finance/q3-budget.csv").toAbsolutePath()
                        .normalize().toUri().toString()));
    }

    @Test
    void rerunWithTheSameStateFileUploadsNothing() {
        String stateFile = "--state-file=" + temp.resolve("state.txt");
        UploaderRun first = run("--files-dir=" + SAMPLES, stateFile);
        assertThat(first.status()).as(first.output()).isZero();
        PARADIGM.clearRequests();

        UploaderRun second = run("--files-dir=" + SAMPLES, stateFile);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).isEmpty();
        assertThat(lookups()).as("the state file answers without asking Paradigm").isEmpty();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(7);
        assertThat(second.output()).contains("0 uploaded", "7  already uploaded (state file)",
                "Nothing to upload: every selected file was skipped.")
                .doesNotContain("Every uploaded document is processed.");
    }

    @Test
    void aResumedRunUploadsOnlyWhatTheFirstRunDidNotSend() {
        String stateFile = "--state-file=" + temp.resolve("state.txt");
        UploaderRun partial = run("--files-dir=" + SAMPLES, stateFile,
                "--include-extensions=md");
        assertThat(partial.status()).as(partial.output()).isZero();
        assertThat(storedNames()).containsExactlyInAnyOrder("faq.md", "onboarding.md", "welcome.md");
        PARADIGM.clearRequests();

        UploaderRun resumed = run("--files-dir=" + SAMPLES, stateFile);

        assertThat(resumed.status()).as(resumed.output()).isZero();
        assertThat(uploadRequests()).hasSize(4);
        assertThat(storedNames()).hasSize(7).doesNotHaveDuplicates();
        assertThat(Files.exists(temp.resolve("state.txt"))).isTrue();
    }

    @Test
    void aRerunCountsAFolderWhoseFilesWereAllUploadedWithoutListingItWhileItsTimeIsUnchanged() throws IOException {
        Path share = folder("a/1.txt", "a/2.txt", "b/1.txt", "b/2.txt", "c/1.txt", "c/2.txt");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (String dir : List.of("a", "b", "c")) {
            Files.setLastModifiedTime(share.resolve(dir), anHourAgo);
        }
        String stateFile = "--state-file=" + temp.resolve("state");
        UploaderRun first = run("--files-dir=" + share, stateFile);
        assertThat(first.status()).as(first.output()).isZero();
        PARADIGM.clearRequests();
        // a file created in b changes b's time: b is listed again
        Files.writeString(share.resolve("b/3.txt"), "new in b");
        // one created in a, whose time is then set back: a is not listed, so its new file is not seen
        Files.writeString(share.resolve("a/3.txt"), "new in a");
        Files.setLastModifiedTime(share.resolve("a"), anHourAgo);

        UploaderRun second = run("--files-dir=" + share, stateFile);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).hasSize(1);
        assertThat(storedNames()).hasSize(7);
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).filteredOn(file -> file.externalId().endsWith("/b/3.txt"))
                .hasSize(1);
        assertThat(second.output()).contains("Summary: 7 files selected, 1 uploaded",
                "6  already uploaded (state file): a/ (2 files), b/1.txt, b/2.txt, and 2 more");
    }

    @Test
    void aFolderWithAFileThatFailedIsListedAgainNextTime() throws IOException {
        Path share = folder("a/x.md", "a/y.md");
        Files.setLastModifiedTime(share.resolve("a"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        PARADIGM.emulator().seedFile(io.camelparadigm.emulator.SeedFile.builder(PARADIGM.workspaceId(), "x.md")
                .externalMetadata(java.util.Map.of("external_id", share.resolve("a/x.md").toUri().toString())).build());
        String stateFile = "--state-file=" + temp.resolve("state");
        UploaderRun first = run("--files-dir=" + share, stateFile, "--on-existing=fail", "--max-fails=5");
        assertThat(first.status()).as(first.output()).isEqualTo(1);
        PARADIGM.clearRequests();

        UploaderRun second = run("--files-dir=" + share, stateFile, "--on-existing=fail", "--max-fails=5");

        assertThat(second.status()).as("x.md fails again: a/ was listed").isEqualTo(1);
        assertThat(lookups()).as(second.output()).hasSize(1);
        assertThat(second.output()).doesNotContain("a/ (");
    }

    @Test
    void aFolderChangedJustBeforeItWasListedIsListedAgainNextTime() throws IOException {
        Path share = folder("a/1.txt");
        String stateFile = "--state-file=" + temp.resolve("state");
        UploaderRun first = run("--files-dir=" + share, stateFile);
        assertThat(first.status()).as(first.output()).isZero();
        FileTime listedTime = Files.getLastModifiedTime(share.resolve("a"));
        Files.writeString(share.resolve("a/2.txt"), "added");
        Files.setLastModifiedTime(share.resolve("a"), listedTime);
        PARADIGM.clearRequests();

        UploaderRun second = run("--files-dir=" + share, stateFile);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).as("a was changed less than a minute before the first run listed it").hasSize(1);
        assertThat(storedNames()).hasSize(2);
    }

    @Test
    void withoutAStateFileASecondRunSkipsWhatTheFirstUploadedWithoutAskingParadigm() {
        UploaderRun first = run("--files-dir=" + SAMPLES);
        assertThat(first.status()).isZero();
        assertThat(first.output()).containsPattern("state file .*/state/127\\.0\\.0\\.1-workspace-\\d+-[0-9a-f]{12}\\.state");
        PARADIGM.clearRequests();

        UploaderRun second = run("--files-dir=" + SAMPLES);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).isEmpty();
        assertThat(lookups()).isEmpty();
        assertThat(second.output()).contains("7  already uploaded (state file)");
    }

    @Test
    void onExistingFailLooksEachNewFileUpAndFailsThoseParadigmAlreadyHas() throws IOException {
        Path folder = folder("a.md", "b.md");
        PARADIGM.emulator().seedFile(io.camelparadigm.emulator.SeedFile.builder(PARADIGM.workspaceId(), "a.md")
                .externalMetadata(java.util.Map.of("external_id", folder.resolve("a.md").toUri().toString())).build());

        UploaderRun run = run("--files-dir=" + folder, "--on-existing=fail", "--batch-size=1", "--max-fails=5");

        assertThat(run.status()).isEqualTo(1);
        assertThat(lookups()).hasSize(2);
        assertThat(storedNames()).containsExactlyInAnyOrder("a.md", "b.md");
        assertThat(run.output()).containsPattern("1  upload: already in Paradigm as document \\d+ \\(--on-existing=fail\\): a.md");
    }

    @Test
    void maxFailsStopsStartingUploadsAfterThatManyFailures() {
        UploaderRun run = run("--files-dir=" + SAMPLES, "--tags=" + PARADIGM.foreignTagId(), "--batch-size=1",
                "--max-fails=2");

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(2);
        assertThat(run.output()).contains("  tags not applied        2", "5  not attempted: --max-fails reached")
                .containsPattern("2  stored without its tags \\(HTTP 207\\): .*: ");
    }

    @Test
    void byDefaultTheFirstUploadFailureStopsTheRun() {
        UploaderRun run = run("--files-dir=" + SAMPLES, "--tags=" + PARADIGM.foreignTagId(), "--batch-size=1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(1);
        assertThat(run.output()).contains("6  not attempted: --max-fails reached");
    }

    /**
     * The API cannot tell before an upload that the key may only read the workspace (the workspaces list has no role,
     * a viewer sees it): the first upload goes alone, and its 403 stops the run, whatever --max-fails, instead of
     * failing every upload of the first batch (they were in flight together).
     */
    @Test
    void aWorkspaceTheKeyMayOnlyReadIsOneFailedUploadNotOnePerConcurrentUpload() {
        // answers slower than the uploads are sent: without the first upload going alone, all seven would be in flight
        PARADIGM.faults().latency(Duration.ofMillis(300));

        UploaderRun run = run("--files-dir=" + SAMPLES, "--workspace-id=" + PARADIGM.readOnlyWorkspaceId(),
                "--max-fails=5");

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(1);
        assertThat(run.output()).contains("  upload failed           1",
                "6  not attempted: the API key may not upload to this workspace")
                .containsPattern("1  upload: HTTP 403.*: ");
        assertThat(run.lines()).last().asString().startsWith("Error: --workspace-id " + PARADIGM.readOnlyWorkspaceId()
                        + " (Read-only Workspace): the API key can see this workspace but may not upload to it (HTTP 403")
                .endsWith("Use a key with the editor or owner role in this workspace, or another --workspace-id.");
    }

    @Test
    void processingFailuresAreReportedWithTheirDetailButDoNotStopTheRun() {
        PARADIGM.scriptFailure("known-issues.*", "parsing_failed", "Unsupported layout");

        UploaderRun run = run("--files-dir=" + SAMPLES);

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(7);
        assertThat(run.output()).contains("  embedded                6", "  parsing_failed          1",
                "1  parsing_failed: Unsupported layout: support/known-issues.txt");
    }

    @Test
    void includeAndExcludeListsChooseTheFilesByExtensionOrName() throws IOException {
        Path folder = folder("a.pdf", "b.docx", "c.tmp", ".DS_Store", "sub/d.md", "sub/e.txt");

        UploaderRun run = run("--files-dir=" + folder, "--exclude-extensions=tmp,.DS_Store,txt");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).containsExactlyInAnyOrder("a.pdf", "b.docx", "d.md");
        assertThat(run.output()).contains("3 more left out by the include/exclude lists");

        PARADIGM.reset();
        UploaderRun onlyPdf = run("--files-dir=" + folder, "--include-extensions=pdf",
                "--state-file=" + temp.resolve("fresh.state"));

        assertThat(onlyPdf.status()).as(onlyPdf.output()).isZero();
        assertThat(storedNames()).containsExactly("a.pdf");
    }

    @Test
    void oversizeEmptyAndUnsupportedFilesAreSkippedAndReportedNotFailed() throws IOException {
        Path folder = folder("small.md", "tool.exe");
        Files.write(folder.resolve("big.pdf"), new byte[1024 * 1024 + 1]);
        Files.write(folder.resolve("empty.txt"), new byte[0]);

        UploaderRun run = run("--files-dir=" + folder, "--max-file-size-mb=1");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).containsExactly("small.md");
        assertThat(run.output()).contains("  skipped                 3", "1  larger than the size limit: big.pdf",
                "1  empty file: empty.txt", "1  unsupported extension: tool.exe");
    }

    @Test
    void tagsAreAppliedToEveryDocument() {
        List<Long> tags = PARADIGM.tagIds().subList(0, 2);

        UploaderRun run = run("--files-dir=" + SAMPLES, "--include-extensions=md",
                "--tags=" + tags.stream().map(String::valueOf).collect(Collectors.joining(",")));

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(3)
                .allSatisfy(file -> assertThat(file.tagIds()).containsExactlyInAnyOrderElementsOf(tags));
    }

    @Test
    void uploadsWaitOutAMaintenanceWindow() {
        // by count, not time: on a loaded machine a one-second window was over before the first upload
        PARADIGM.faults().maintenanceForNext(2);

        UploaderRun run = run("--files-dir=" + SAMPLES, "--on-existing=upload");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(PARADIGM.requests()).extracting(RecordedRequest::status).contains(503);
        assertThat(uploadRequests()).extracting(RecordedRequest::status).containsOnly(201);
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(7)
                .allSatisfy(file -> assertThat(file.status()).isEqualTo("embedded"));
    }

    @Test
    void aLostUploadAnswerIsRetriedWithoutStoringTheDocumentTwice() {
        PARADIGM.faults().dropAfterStore(1);

        UploaderRun run = run("--files-dir=" + SAMPLES, "--batch-size=1");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).hasSize(7).doesNotHaveDuplicates();
        assertThat(run.output()).contains("  embedded                7");
    }

    /**
     * A file deleted while it is uploaded: its first try loses its answer, and the retry cannot open it. It fails at
     * once, with the reason, and the run goes on with the others (the root's file is listed, and sent, first). The
     * retry is aborted before its head leaves the client's buffer: the service gets nothing of it.
     */
    @Test
    void aFileDeletedWhileItIsUploadedFailsWithTheReasonAndTheOthersAreUploaded() throws IOException,
            InterruptedException {
        Path folder = folder("gone.md", "keep/b.md", "keep/c.md");
        Path gone = folder.resolve("gone.md");
        AtomicInteger uploads = new AtomicInteger();
        PARADIGM.onRequest(request -> {
            if (request.method().equals("POST") && request.path().equals("/api/v3/files")
                && uploads.incrementAndGet() == 1) {
                deleteIfExists(gone);
                PARADIGM.faults().dropNext(1);  // this request: its answer is lost, so the client sends it again
            }
        });
        CountDownLatch answered = new CountDownLatch(3);
        Consumer<ObservedExchange> uploadAnswers = exchange -> {
            if (exchange.method().equals("POST")) {
                answered.countDown();
            }
        };
        PARADIGM.emulator().addExchangeObserver(uploadAnswers);
        UploaderRun run;
        try {
            run = run("--files-dir=" + folder, "--batch-size=1", "--max-fails=5");
            assertThat(answered.await(30, TimeUnit.SECONDS)).as("every upload answered").isTrue();
        } finally {
            PARADIGM.emulator().removeExchangeObserver(uploadAnswers);
        }

        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("  upload failed           1")
                .containsPattern("1  upload: POST http://127\\.0\\.0\\.1:\\d+/api/v3/files failed: cannot read "
                                 + "\\S+/gone\\.md to upload \\(NoSuchFileException: \\S+/gone\\.md\\): gone\\.md")
                .doesNotContain("gave up after");
        assertThat(storedNames()).containsExactlyInAnyOrder("b.md", "c.md");
        assertThat(uploadRequests()).as("gone.md (its answer lost; the retry never sent), b.md, c.md").hasSize(3);
        assertThat(lookups()).as("the look-up after the lost answer, none after the retry").hasSize(1);
    }

    private static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingFolderIsOneLineAndStatus2() {
        UploaderRun run = run("--files-dir=" + temp.resolve("no-such-folder"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.lines()).containsExactly("Error: --files-dir (uploader.files-dir): "
                                                + temp.resolve("no-such-folder") + " does not exist");
        assertThat(PARADIGM.requests()).isEmpty();
    }

    @Test
    void aWrongKeyIsFoundWithOneRequestBeforeAnyUpload() {
        UploaderRun run = UploaderRun.run("--base-url=" + PARADIGM.baseUrl(), "--api-key=not-the-key",
                "--workspace-id=" + PARADIGM.workspaceId(), "--files-dir=" + SAMPLES, "--progress=lines",
                "--state-file=" + temp.resolve("s.state"));

        assertThat(run.status()).isEqualTo(2);
        assertThat(PARADIGM.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/v3/workspaces");
            assertThat(request.status()).isEqualTo(401);
        });
        assertThat(run.lines()).last().asString().startsWith("Error: Paradigm at " + PARADIGM.baseUrl()
                                                            + " did not accept the API key: HTTP 401");
        assertThat(run.output()).doesNotContain("not-the-key", "Summary");
    }

    @Test
    void anInstanceThatDoesNotAnswerIsOneLineAndStatus2() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        UploaderRun run = UploaderRun.run("--base-url=http://127.0.0.1:" + closedPort, "--api-key=some-key",
                "--workspace-id=1", "--files-dir=" + SAMPLES, "--progress=lines",
                "--state-file=" + temp.resolve("s.state"), "--processing-timeout=10");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.lines()).last().asString()
                .startsWith("Error: Cannot check the key and the workspace at http://127.0.0.1:" + closedPort + ": ")
                .contains("Connection refused");
    }

    @Test
    void aWorkspaceTheKeyCannotSeeIsReportedBeforeAnyUpload() {
        UploaderRun run = run("--files-dir=" + SAMPLES, "--workspace-id=" + PARADIGM.foreignWorkspaceId());

        assertThat(run.status()).isEqualTo(2);
        assertThat(uploadRequests()).isEmpty();
        assertThat(run.lines()).last().asString().isEqualTo("Error: --workspace-id " + PARADIGM.foreignWorkspaceId()
                + ": the API key cannot see this workspace at " + PARADIGM.baseUrl() + "; it sees "
                + PARADIGM.workspaceId() + " (Emulator Workspace), " + PARADIGM.readOnlyWorkspaceId()
                + " (Read-only Workspace)");
    }

    @Test
    void aDocumentStoredWithoutItsTagsIsReportedCountedAndFailsTheRun() {
        UploaderRun run = run("--files-dir=" + SAMPLES, "--include-extensions=md", "--batch-size=1",
                "--tags=" + PARADIGM.tagIds().get(0) + "," + PARADIGM.foreignTagId());

        assertThat(run.status()).isEqualTo(1);
        assertThat(storedNames()).hasSize(1);
        assertThat(run.output()).contains("  tags not applied        1", "2  not attempted: --max-fails reached")
                .containsPattern("1  stored without its tags \\(HTTP 207\\): .*" + PARADIGM.foreignTagId() + ".*: ")
                .doesNotContain("Every uploaded document is processed.");
    }

    /** Issue 10's hang, seen from the uploader: many documents, 50 uploads at once, a server slow to answer. */
    @Test
    void followingProcessingEndsWhenEveryDocumentIsProcessedAtBatchSize50WithASlowServer() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < 600; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        PARADIGM.faults().latency(Duration.ofMillis(220));

        UploaderRun run = run("--files-dir=" + folder, "--batch-size=50");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("Summary: 600 files selected, 600 uploaded", "  embedded              600",
                "Every uploaded document is processed.");
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(600)
                .allSatisfy(file -> assertThat(file.status()).isEqualTo("embedded"));
    }

    /**
     * Issue 11: a page-number listing costs the server in proportion to its offset, and a follower reading pages of
     * every document final since its last listing fell behind in a 200,000-file run. Here the follower's listings
     * are held until every upload arrived, so that the next listing holds 600 final documents (six pages or more):
     * each page must be asked for by key, after the last document read.
     */
    @Test
    void theProcessingFollowerReadsEachPageByKeyNeverByPageNumber() throws IOException {
        int files = 600;
        Path folder = Files.createDirectories(temp.resolve("many"));
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        CountDownLatch uploaded = new CountDownLatch(files);
        PARADIGM.onRequest(request -> {
            if (request.method().equals("POST") && request.path().equals("/api/v3/files")) {
                uploaded.countDown();
            } else if (isListing(request)) {
                try {
                    uploaded.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        UploaderRun run = run("--files-dir=" + folder, "--batch-size=50");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("  embedded              600", "Every uploaded document is processed.");
        List<RecordedRequest> listings = PARADIGM.requests().stream().filter(FolderUploaderTest::isListing).toList();
        assertThat(listings).as("the follower's listings").isNotEmpty()
                .noneSatisfy(listing -> assertThat(queryParameters(listing)).containsKey("page"))
                .anySatisfy(listing -> assertThat(queryParameters(listing)).containsKey("created_at_after"));
    }

    @Test
    void afterTheFirstUploadAsManyAreInFlightAsTheBatchSize() throws IOException, InterruptedException {
        int batchSize = 30;
        Path folder = Files.createDirectories(temp.resolve("batch"));
        for (int i = 0; i <= batchSize; i++) {
            Files.writeString(folder.resolve("doc-" + i + ".txt"), "document " + i);
        }
        // the first upload goes alone (it tells whether the key may write); every later one waits for the others: only
        // a limit of batchSize lets them all arrive before any answer
        AtomicInteger uploads = new AtomicInteger();
        CountDownLatch arrived = new CountDownLatch(batchSize);
        AtomicInteger waitedInVain = new AtomicInteger();
        PARADIGM.onRequest(request -> {
            if (request.method().equals("POST") && request.path().equals("/api/v3/files")
                && uploads.incrementAndGet() > 1) {
                arrived.countDown();
                try {
                    if (!arrived.await(20, TimeUnit.SECONDS)) {
                        waitedInVain.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });

        UploaderRun run = run("--files-dir=" + folder, "--batch-size=" + batchSize);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(waitedInVain).as("uploads answered before the batch was in flight").hasValue(0);
        assertThat(uploadRequests()).hasSize(batchSize + 1);
    }

    @Test
    void twoFilesWhoseNamesDifferOnlyInBytesThePlatformCannotDecodeAreBothUploadedAndBothRemembered() throws Exception {
        // Latin-1 names on a UTF-8 system: caf\xe9.txt and caf\xe8.txt both read as caf\ufffd.txt
        Path folder = Files.createDirectories(temp.resolve("latin-1"));
        createWithShell(folder, "printf one > \"$(printf 'caf\\351.txt')\"");
        String stateFile = "--state-file=" + temp.resolve("state.txt");
        UploaderRun first = run("--files-dir=" + folder, stateFile);
        assertThat(first.status()).as(first.output()).isZero();
        createWithShell(folder, "printf two > \"$(printf 'caf\\350.txt')\"");
        PARADIGM.clearRequests();

        UploaderRun second = run("--files-dir=" + folder, stateFile);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).as("the new file is not taken for the one uploaded before").hasSize(1);
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).extracting(StoredFile::externalId)
                .hasSize(2).doesNotHaveDuplicates();
        PARADIGM.clearRequests();

        UploaderRun third = run("--files-dir=" + folder, stateFile);

        assertThat(third.status()).as(third.output()).isZero();
        assertThat(uploadRequests()).as("both files are in the state file").isEmpty();
    }

    private static void createWithShell(Path folder, String command) throws Exception {
        assertThat(new ProcessBuilder("sh", "-c", command).directory(folder.toFile()).start().waitFor()).isZero();
    }

    private UploaderRun run(String... args) {
        return UploaderRun.against(PARADIGM, temp.resolve("state"), args);
    }

    private Path folder(String... files) throws IOException {
        Path folder = Files.createDirectories(temp.resolve("docs"));
        for (String file : files) {
            Path path = folder.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "content of " + file);
        }
        return folder;
    }

    private static List<String> storedNames() {
        return PARADIGM.storedFiles(PARADIGM.workspaceId()).stream().map(StoredFile::filename).toList();
    }

    private static List<RecordedRequest> uploadRequests() {
        return PARADIGM.requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("/api/v3/files"))
                .toList();
    }

    /** A listing of the workspace's documents by last change: what follows processing. */
    private static boolean isListing(RecordedRequest request) {
        return request.method().equals("GET") && request.path().equals("/api/v3/files")
               && queryParameters(request).containsKey("updated_at_after");
    }

    private static Map<String, String> queryParameters(RecordedRequest request) {
        if (request.query() == null || request.query().isEmpty()) {
            return Map.of();
        }
        return java.util.Arrays.stream(request.query().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : "", (a, b) -> b));
    }

    private static List<RecordedRequest> lookups() {
        return PARADIGM.requests().stream()
                .filter(request -> request.query() != null && request.query().contains("external_metadata__external_id"))
                .toList();
    }
}
