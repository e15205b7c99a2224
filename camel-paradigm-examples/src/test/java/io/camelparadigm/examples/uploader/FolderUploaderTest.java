package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

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
        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES);

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).containsExactlyInAnyOrderElementsOf(
                SAMPLE_DOCUMENTS.stream().map(path -> Path.of(path).getFileName().toString()).toList());
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).allSatisfy(file ->
                assertThat(file.status()).isEqualTo("embedded"));
        assertThat(run.output()).contains("Summary: 8 files selected, 7 uploaded",
                "  embedded                7", "  skipped                 1",
                "1  unsupported extension: tools/cleanup.sh", "Every uploaded document is processed.");
    }

    @Test
    void eachDocumentCarriesItsSourcePathAsExternalId() {
        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, "--include-extensions=csv");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).singleElement().satisfies(file ->
                assertThat(file.externalId()).isEqualTo(SAMPLES.resolve("finance/q3-budget.csv").toAbsolutePath()
                        .normalize().toUri().toString()));
    }

    @Test
    void rerunWithTheSameStateFileUploadsNothing() {
        String stateFile = "--state-file=" + temp.resolve("state.txt");
        UploaderRun first = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, stateFile);
        assertThat(first.status()).as(first.output()).isZero();
        PARADIGM.clearRequests();

        UploaderRun second = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, stateFile);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).isEmpty();
        assertThat(lookups()).as("the state file answers without asking Paradigm").isEmpty();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(7);
        assertThat(second.output()).contains("0 uploaded", "7  already uploaded (state file)");
    }

    @Test
    void aResumedRunUploadsOnlyWhatTheFirstRunDidNotSend() {
        String stateFile = "--state-file=" + temp.resolve("state.txt");
        UploaderRun partial = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, stateFile,
                "--include-extensions=md");
        assertThat(partial.status()).as(partial.output()).isZero();
        assertThat(storedNames()).containsExactlyInAnyOrder("faq.md", "onboarding.md", "welcome.md");
        PARADIGM.clearRequests();

        UploaderRun resumed = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, stateFile);

        assertThat(resumed.status()).as(resumed.output()).isZero();
        assertThat(uploadRequests()).hasSize(4);
        assertThat(storedNames()).hasSize(7).doesNotHaveDuplicates();
        assertThat(Files.exists(temp.resolve("state.txt"))).isTrue();
    }

    @Test
    void documentsAlreadyInParadigmAreSkippedByExternalIdWithoutAStateFile() {
        UploaderRun first = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES);
        assertThat(first.status()).isZero();
        PARADIGM.clearRequests();

        UploaderRun second = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES);

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(uploadRequests()).isEmpty();
        assertThat(second.output()).contains("7  already in Paradigm (same external id)");
    }

    @Test
    void maxFailsStopsStartingUploadsAfterThatManyFailures() {
        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES,
                "--workspace-id=" + PARADIGM.readOnlyWorkspaceId(), "--batch-size=1", "--max-fails=2");

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(2);
        assertThat(run.output()).contains("  upload failed           2", "5  not attempted: --max-fails reached")
                .containsPattern("2  upload: HTTP 403.*: ");
    }

    @Test
    void byDefaultTheFirstUploadFailureStopsTheRun() {
        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES,
                "--workspace-id=" + PARADIGM.readOnlyWorkspaceId(), "--batch-size=1");

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(1);
        assertThat(run.output()).contains("6  not attempted: --max-fails reached");
    }

    @Test
    void processingFailuresAreReportedWithTheirDetailButDoNotStopTheRun() {
        PARADIGM.scriptFailure("known-issues.*", "parsing_failed", "Unsupported layout");

        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES);

        assertThat(run.status()).isEqualTo(1);
        assertThat(uploadRequests()).hasSize(7);
        assertThat(run.output()).contains("  embedded                6", "  parsing_failed          1",
                "1  parsing_failed: Unsupported layout: support/known-issues.txt");
    }

    @Test
    void includeAndExcludeListsChooseTheFilesByExtensionOrName() throws IOException {
        Path folder = folder("a.pdf", "b.docx", "c.tmp", ".DS_Store", "sub/d.md", "sub/e.txt");

        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + folder, "--exclude-extensions=tmp,.DS_Store,txt");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).containsExactlyInAnyOrder("a.pdf", "b.docx", "d.md");
        assertThat(run.output()).contains("3 more left out by the include/exclude lists");

        PARADIGM.reset();
        UploaderRun onlyPdf = UploaderRun.against(PARADIGM, "--files-dir=" + folder, "--include-extensions=pdf");

        assertThat(onlyPdf.status()).as(onlyPdf.output()).isZero();
        assertThat(storedNames()).containsExactly("a.pdf");
    }

    @Test
    void oversizeEmptyAndUnsupportedFilesAreSkippedAndReportedNotFailed() throws IOException {
        Path folder = folder("small.md", "tool.exe");
        Files.write(folder.resolve("big.pdf"), new byte[1024 * 1024 + 1]);
        Files.write(folder.resolve("empty.txt"), new byte[0]);

        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + folder, "--max-file-size-mb=1");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).containsExactly("small.md");
        assertThat(run.output()).contains("  skipped                 3", "1  larger than the size limit: big.pdf",
                "1  empty file: empty.txt", "1  unsupported extension: tool.exe");
    }

    @Test
    void tagsAreAppliedToEveryDocument() {
        List<Long> tags = PARADIGM.tagIds().subList(0, 2);

        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, "--include-extensions=md",
                "--tags=" + tags.stream().map(String::valueOf).collect(Collectors.joining(",")));

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(3)
                .allSatisfy(file -> assertThat(file.tagIds()).containsExactlyInAnyOrderElementsOf(tags));
    }

    @Test
    void uploadsWaitOutAMaintenanceWindow() {
        // by count, not time: on a loaded machine a one-second window was over before the first upload
        PARADIGM.faults().maintenanceForNext(2);

        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, "--on-existing=upload");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(uploadRequests()).extracting(RecordedRequest::status).contains(503, 201);
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(7)
                .allSatisfy(file -> assertThat(file.status()).isEqualTo("embedded"));
    }

    @Test
    void aLostUploadAnswerIsRetriedWithoutStoringTheDocumentTwice() {
        PARADIGM.faults().dropAfterStore(1);

        UploaderRun run = UploaderRun.against(PARADIGM, "--files-dir=" + SAMPLES, "--batch-size=1");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(storedNames()).hasSize(7).doesNotHaveDuplicates();
        assertThat(run.output()).contains("  embedded                7");
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

    private static List<RecordedRequest> lookups() {
        return PARADIGM.requests().stream()
                .filter(request -> request.query() != null && request.query().contains("external_metadata__external_id"))
                .toList();
    }
}
