package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The folder uploader's {@code --sync}, through its command line, against an emulator on a real clock. */
class FolderSyncTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder()
            .realClock().stepDuration(Duration.ofMillis(50)).build();

    @TempDir
    Path temp;

    private Path folder;

    @BeforeEach
    void cleanSlate() throws IOException {
        PARADIGM.reset();
        folder = Files.createDirectories(temp.resolve("docs"));
    }

    @Test
    void newFilesAreUploadedChangedOnesReplacedInPlaceAndUnchangedOnesNotSent() throws IOException {
        write("a.md", "alpha");
        write("b.md", "bravo");
        write("c.md", "charlie");
        write("sub/d.md", "delta");
        UploaderRun first = sync();
        assertThat(first.status()).as(first.output()).isZero();
        assertThat(first.output()).contains("4 uploaded, 0 replaced, 0 unchanged, 0 deleted");
        Map<String, StoredFile> before = storedByName();
        PARADIGM.clearRequests();

        write("b.md", "bravo, revised");
        touch("c.md"); // a new modification time, the same content
        write("e.md", "echo");
        UploaderRun second = sync();

        assertThat(second.status()).as(second.output()).isZero();
        assertThat(second.output()).contains("Summary: 5 files selected, 1 uploaded, 1 replaced, 3 unchanged, 0 deleted",
                "2  unchanged (same size and modification time): a.md, sub/d.md",
                "1  unchanged (same content, another modification time): c.md");
        Map<String, StoredFile> after = storedByName();
        assertThat(after).hasSize(5);
        assertThat(after.get("b.md").id()).as("replaced in place").isEqualTo(before.get("b.md").id());
        assertThat(after.get("b.md").sha256()).isEqualTo(sha256("bravo, revised"));
        assertThat(after.get("c.md").sha256()).isEqualTo(before.get("c.md").sha256());
        assertThat(after.values()).allSatisfy(file -> assertThat(file.status()).isEqualTo("embedded"));
        assertThat(requests("POST", "/api/v3/files")).hasSize(1);
        assertThat(requests("PATCH", null)).singleElement()
                .satisfies(patch -> assertThat(patch.path()).endsWith("/" + before.get("b.md").id()));
        assertThat(lookedUp()).as("only the files whose size or time changed are looked up")
                .containsExactlyInAnyOrder("b.md", "c.md");
        PARADIGM.clearRequests();

        UploaderRun third = sync();

        assertThat(third.status()).as(third.output()).isZero();
        assertThat(third.output()).contains("0 uploaded, 0 replaced, 5 unchanged, 0 deleted");
        assertThat(PARADIGM.requests()).as("nothing changed: no request about any file")
                .noneMatch(request -> request.path().startsWith("/api/v3/files"));
    }

    @Test
    void aFileUploadedWithoutSyncIsComparedByItsSizeAndTimeOnTheFirstSync() throws IOException {
        write("a.md", "alpha");
        write("b.md", "bravo");
        UploaderRun plain = run("--files-dir=" + folder, stateFile());
        assertThat(plain.status()).as(plain.output()).isZero();
        PARADIGM.clearRequests();

        write("b.md", "bravo, revised");
        UploaderRun sync = sync();

        assertThat(sync.status()).as(sync.output()).isZero();
        assertThat(sync.output()).contains("0 uploaded, 1 replaced, 1 unchanged", "Every uploaded document is processed.")
                .doesNotContain("Nothing to upload");
        assertThat(requests("PATCH", null)).hasSize(1);
        assertThat(storedByName().get("b.md").sha256()).isEqualTo(sha256("bravo, revised"));
    }

    @Test
    void deleteMissingDeletesTheDocumentsOfFilesGoneFromTheFolderAndNoOtherDocument() throws IOException {
        write("a.md", "alpha");
        write("b.md", "bravo");
        write("sub/c.md", "charlie");
        write("notes.txt", "a file the exclude list will leave out");
        assertThat(sync().status()).isZero();
        Map<String, StoredFile> synced = storedByName();
        long otherFolder = seed("x.md", temp.resolve("other/x.md").toUri().toString());
        long samePrefixNotUploadedHere = seed("seeded.md", folder.resolve("seeded.md").toUri().toString());
        long anotherSource = seed("y.md", "share:reports/y.md");
        long noExternalId = PARADIGM.emulator().seedFile(
                io.camelparadigm.emulator.SeedFile.builder(PARADIGM.workspaceId(), "z.md").build());
        long leftOut = synced.get("notes.txt").id();
        Files.delete(folder.resolve("b.md"));
        Files.delete(folder.resolve("sub/c.md"));
        PARADIGM.clearRequests();

        // notes.txt, left out of this walk but still there, is not missing
        UploaderRun run = sync("--delete-missing", "--exclude-extensions=txt");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("Summary: 1 files selected (1 more left out",
                "0 uploaded, 0 replaced, 1 unchanged, 2 deleted",
                "Nothing to upload or replace; the documents of 2 files gone from the folder are deleted.");
        assertThat(requests("DELETE", null)).extracting(RecordedRequest::path).containsExactlyInAnyOrder(
                "/api/v3/files/" + synced.get("b.md").id(), "/api/v3/files/" + synced.get("c.md").id());
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).extracting(StoredFile::id)
                .containsExactlyInAnyOrder(synced.get("a.md").id(), leftOut, otherFolder, samePrefixNotUploadedHere,
                        anotherSource, noExternalId);
        PARADIGM.clearRequests();

        UploaderRun again = sync("--delete-missing", "--exclude-extensions=txt");

        assertThat(again.status()).as(again.output()).isZero();
        assertThat(again.output()).contains("0 uploaded, 0 replaced, 1 unchanged, 0 deleted");
        assertThat(requests("DELETE", null)).isEmpty();
        assertThat(requests("GET", "/api/v3/files/" + synced.get("b.md").id())).as("forgotten once deleted").isEmpty();
    }

    @Test
    void deleteMissingKeepsTheDocumentOfAFileLeftOutWhoseNameThePlatformCannotDecode() throws Exception {
        // a Latin-1 name on a UTF-8 system (caf\xe9.txt reads as caf\ufffd.txt, a path that does not exist)
        write("a.md", "alpha");
        Process create = new ProcessBuilder("sh", "-c", "printf latin-1 > \"$(printf 'caf\\351.txt')\"")
                .directory(folder.toFile()).start();
        assertThat(create.waitFor()).isZero();
        assertThat(sync().status()).isZero();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(2);
        PARADIGM.clearRequests();

        UploaderRun run = sync("--delete-missing", "--exclude-extensions=txt");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(requests("DELETE", null)).as("the file left out is still there").isEmpty();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(2);
    }

    @Test
    void aFileThatComesBackAfterItsDocumentWasDeletedIsUploadedAgain() throws IOException {
        write("a.md", "alpha");
        assertThat(sync().status()).isZero();
        Path kept = Files.copy(folder.resolve("a.md"), temp.resolve("a.md.bak"),
                java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.delete(folder.resolve("a.md"));
        assertThat(sync("--delete-missing").output()).contains("1 deleted");

        Files.copy(kept, folder.resolve("a.md"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        UploaderRun back = sync("--delete-missing");

        assertThat(back.status()).as(back.output()).isZero();
        assertThat(back.output()).contains("1 uploaded, 0 replaced, 0 unchanged, 0 deleted");
        assertThat(storedByName()).containsOnlyKeys("a.md");
    }

    @Test
    void aDocumentDeletedInParadigmBeforeItsFileIsGoneIsCountedAsAlreadyDeletedAndForgotten() throws Exception {
        write("a.md", "alpha");
        write("b.md", "bravo");
        assertThat(sync().status()).isZero();
        long gone = storedByName().get("b.md").id();
        HttpResponse<String> deletion = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(PARADIGM.baseUrl() + "/api/v3/files/" + gone))
                .header("Authorization", "Bearer " + PARADIGM.apiKey()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(204);
        Files.delete(folder.resolve("b.md"));
        PARADIGM.clearRequests();

        UploaderRun run = sync("--delete-missing");

        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("0 uploaded, 0 replaced, 1 unchanged, 0 deleted", "  already deleted         1",
                "Nothing to upload or replace; the documents of 1 files gone from the folder are deleted.");
        assertThat(requests("DELETE", null)).isEmpty();
        PARADIGM.clearRequests();

        assertThat(sync("--delete-missing").output()).doesNotContain("already deleted");
        assertThat(requests("GET", "/api/v3/files/" + gone)).as("forgotten").isEmpty();
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws IOException {
        write("a.md", "alpha");
        write("b.md", "bravo");
        write("c.md", "charlie");
        write("d.md", "delta");
        assertThat(sync().status()).isZero();
        write("b.md", "bravo, revised");
        write("e.md", "echo");
        Files.delete(folder.resolve("d.md"));
        List<StoredFile> before = PARADIGM.storedFiles(PARADIGM.workspaceId());
        PARADIGM.clearRequests();

        UploaderRun dryRun = sync("--delete-missing", "--dry-run");

        assertThat(dryRun.status()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("Plan (dry run, nothing sent): 1 new, 1 changed, 2 unchanged, 1 to delete",
                "  new             1: e.md", "  changed         1: b.md", "  unchanged       2: ",
                "  to delete       1: d.md", "Dry run: nothing was changed in Paradigm.");
        assertThat(PARADIGM.requests()).as("only reads").extracting(RecordedRequest::method).containsOnly("GET");
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).isEqualTo(before);

        UploaderRun applied = sync("--delete-missing");

        assertThat(applied.status()).as(applied.output()).isZero();
        assertThat(applied.output()).contains("1 uploaded, 1 replaced, 2 unchanged, 1 deleted");
    }

    @Test
    void deleteMissingAndDryRunNeedSync() {
        UploaderRun run = run("--files-dir=" + folder, "--delete-missing");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.output()).contains("--delete-missing (uploader.delete-missing) works with --sync");
        assertThat(PARADIGM.requests()).isEmpty();
    }

    private static long seed(String filename, String externalId) {
        return PARADIGM.emulator().seedFile(io.camelparadigm.emulator.SeedFile.builder(PARADIGM.workspaceId(), filename)
                .externalMetadata(Map.of("external_id", externalId)).build());
    }

    private UploaderRun sync(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--files-dir=" + folder, stateFile(), "--sync"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private String stateFile() {
        return "--state-file=" + temp.resolve("sync.state");
    }

    private UploaderRun run(String... args) {
        return UploaderRun.against(PARADIGM, temp.resolve("state"), args);
    }

    private void write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        FileTime previous = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        Files.writeString(file, content);
        if (previous != null) {
            // a file system with coarse times could otherwise keep the same one
            Files.setLastModifiedTime(file, FileTime.fromMillis(previous.toMillis() + 2000));
        }
    }

    private void touch(String name) throws IOException {
        Path file = folder.resolve(name);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
    }

    private static Map<String, StoredFile> storedByName() {
        return PARADIGM.storedFiles(PARADIGM.workspaceId()).stream()
                .collect(Collectors.toMap(StoredFile::filename, Function.identity()));
    }

    private static List<RecordedRequest> requests(String method, String path) {
        return PARADIGM.requests().stream()
                .filter(request -> request.method().equals(method) && (path == null || request.path().equals(path)))
                .toList();
    }

    /** The files (names) whose external id was looked up. */
    private static List<String> lookedUp() {
        return PARADIGM.requests().stream()
                .filter(request -> request.query() != null && request.query().contains("external_metadata__external_id"))
                .map(request -> java.net.URLDecoder.decode(request.query(), StandardCharsets.UTF_8))
                .map(query -> query.replaceAll(".*external_metadata__external_id=[^&]*/([^/&]+)(&.*)?$", "$1"))
                .toList();
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
