package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class FolderScannerTest {

    private static final Set<String> SUPPORTED = Set.of("pdf", "md", "txt");

    @TempDir
    Path folder;

    @Test
    void findsFilesInEverySubfolderWithTheirPathBelowTheFolder() throws IOException {
        write("top.md", 10);
        write("a/b/deep.pdf", 10);
        write("a/mid.txt", 10);

        Found found = scan(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000));

        assertThat(found.upload).extracting(ScannedFile::relativePath)
                .containsExactlyInAnyOrder("a/b/deep.pdf", "a/mid.txt", "top.md");
        assertThat(found.upload).allSatisfy(file -> {
            assertThat(file.path()).isAbsolute().exists();
            assertThat(file.size()).isEqualTo(10);
        });
    }

    @Test
    void unsupportedOversizeAndEmptyFilesAreSkippedWithTheirReason() throws IOException {
        write("ok.md", 100);
        write("tool.exe", 100);
        write("big.pdf", 1001);
        write("limit.pdf", 1000);
        write("empty.txt", 0);

        Found found = scan(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000));

        assertThat(found.upload).extracting(ScannedFile::relativePath).containsExactlyInAnyOrder("limit.pdf", "ok.md");
        assertThat(found.skipped).containsExactlyInAnyOrder("big.pdf: TOO_LARGE", "empty.txt: EMPTY",
                "tool.exe: UNSUPPORTED_EXTENSION");
    }

    @Test
    void filesLeftOutByTheNameFilterAreCountedNotSkipped() throws IOException {
        write("keep.md", 5);
        write("drop.tmp", 5);
        write(".DS_Store", 5);

        Found found = scan(new FolderScanner(new NameFilter(List.of(), List.of("tmp", ".DS_Store")), SUPPORTED, 1000));

        assertThat(found.upload).extracting(ScannedFile::relativePath).containsExactly("keep.md");
        assertThat(found.skipped).isEmpty();
        assertThat(found.excluded).isEqualTo(2);
    }

    @Test
    void aLinkToAFileIsUploadedUnderItsOwnNameAndOtherEntriesThatAreNotFilesAreSkippedWithTheirReason()
            throws Exception {
        write("real/target.pdf", 30);
        write("a/kept.md", 5);
        Files.createSymbolicLink(folder.resolve("a/link.pdf"), folder.resolve("real/target.pdf"));
        Files.createSymbolicLink(folder.resolve("a/loop"), folder);
        Files.createSymbolicLink(folder.resolve("a/broken.pdf"), folder.resolve("nowhere.pdf"));
        Process mkfifo = new ProcessBuilder("mkfifo", folder.resolve("a/pipe.txt").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        Found found = scan(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000));

        assertThat(found.upload).extracting(ScannedFile::relativePath)
                .containsExactlyInAnyOrder("a/kept.md", "a/link.pdf", "real/target.pdf");
        ScannedFile link = found.upload.stream().filter(file -> file.relativePath().equals("a/link.pdf")).findFirst()
                .orElseThrow();
        assertThat(link.size()).as("the target's size").isEqualTo(30);
        assertThat(link.modified()).isEqualTo(
                Files.getLastModifiedTime(folder.resolve("real/target.pdf")).to(TimeUnit.NANOSECONDS));
        assertThat(found.skipped).containsExactlyInAnyOrder("a/loop: LINK_TO_FOLDER", "a/broken.pdf: BROKEN_LINK",
                "a/pipe.txt: NOT_A_FILE");
    }

    @Test
    void theListenerCanEndTheWalkEarly() throws IOException {
        for (int i = 0; i < 20; i++) {
            write("f" + i + ".md", 5);
        }
        List<ScannedFile> seen = new ArrayList<>();

        boolean complete = new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000).scan(folder, new Listening() {
            @Override
            public void upload(ScannedFile file) {
                seen.add(file);
            }

            @Override
            public boolean stop() {
                return seen.size() == 5;
            }
        });

        assertThat(complete).isFalse();
        assertThat(seen).hasSize(5);
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        assertThatThrownBy(() -> scan(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000), folder.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void namesThePlatformCannotDecodeGetTheirBytesPercentEncodedSoNoTwoFilesShareAPath() throws Exception {
        // Latin-1 names on a UTF-8 system read as caf\ufffd.txt, whichever byte they hold
        Files.createDirectories(folder.resolve("my docs"));
        Process create = new ProcessBuilder("sh", "-c", "for b in 351 350; do n=$(printf \"caf\\\\$b\"); "
                + "printf x > \"$n.txt\"; mkdir \"d$n\"; printf x > \"d$n/in.txt\"; printf x > \"my docs/$n.txt\"; done")
                .directory(folder.toFile()).start();
        assertThat(create.waitFor()).isZero();
        write("caf.txt", 1);

        Found found = scan(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000));

        assertThat(found.upload).extracting(ScannedFile::relativePath).hasSize(7).doesNotHaveDuplicates();
        Path latin1 = found.upload.stream().map(ScannedFile::path).filter(path -> path.endsWith("in.txt"))
                .findFirst().orElseThrow().getParent().getFileName();
        assumeFalse(latin1.equals(Path.of(latin1.toString())), "this JVM decodes Latin-1 names (" + latin1 + ")");
        assertThat(found.upload).extracting(ScannedFile::relativePath).containsExactlyInAnyOrder(
                "caf.txt", "caf%E9.txt", "caf%E8.txt", "dcaf%E9/in.txt", "dcaf%E8/in.txt",
                "my docs/caf%E9.txt", "my docs/caf%E8.txt");
        assertThat(found.folders).extracting(listed -> listed.substring(0, listed.indexOf(':')))
                .containsExactlyInAnyOrder("", "my docs", "dcaf%E9", "dcaf%E8");
    }

    private Found scan(FolderScanner scanner) {
        return scan(scanner, folder);
    }

    @Test
    void eachListedFolderIsReportedWithItsFilesAndWhetherUploadedFilesWereAllItHeld() throws IOException {
        write("top.md", 10);
        write("a/one.pdf", 10);
        write("a/two.pdf", 10);
        write("b/kept.pdf", 10);
        write("b/notes.sh", 10);
        write("c/d/deep.txt", 10);

        Found found = scan(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000));

        assertThat(found.folders).containsExactlyInAnyOrder(
                ": 1 files, only uploaded files false", // holds folders
                "a: 2 files, only uploaded files true",
                "b: 1 files, only uploaded files false", // notes.sh is skipped
                "c: 0 files, only uploaded files false",
                "c/d: 1 files, only uploaded files true");
    }

    @Test
    void aSkippedFolderIsNeitherListedNorReported() throws IOException {
        write("a/one.pdf", 10);
        write("a/sub/two.pdf", 10);
        write("b/three.pdf", 10);
        Found found = new Found() {
            @Override
            public boolean skipFolder(String relativeDir, long modified) {
                assertThat(modified).isEqualTo(modifiedNanos(folder.resolve(relativeDir)));
                return relativeDir.equals("a");
            }
        };

        assertThat(new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000).scan(folder, found)).isTrue();

        assertThat(found.upload).extracting(ScannedFile::relativePath).containsExactly("b/three.pdf");
        assertThat(found.folders).containsExactlyInAnyOrder(": 0 files, only uploaded files false",
                "b: 1 files, only uploaded files true");
    }

    private static long modifiedNanos(Path path) {
        try {
            return Files.getLastModifiedTime(path).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Found scan(FolderScanner scanner, Path root) {
        Found found = new Found();
        assertThat(scanner.scan(root, found)).isTrue();
        return found;
    }

    private void write(String relativePath, int size) throws IOException {
        Path file = folder.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }

    /** A listener that ignores what a test does not look at. */
    private abstract static class Listening implements FolderScanner.Listener {
        @Override
        public void skipped(String relativePath, SkipReason reason) {
        }

        @Override
        public void excluded() {
        }
    }

    private static class Found implements FolderScanner.Listener {
        final List<ScannedFile> upload = new ArrayList<>();
        final List<String> folders = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        int excluded;

        @Override
        public void upload(ScannedFile file) {
            upload.add(file);
        }

        @Override
        public void skipped(String relativePath, SkipReason reason) {
            skipped.add(relativePath + ": " + reason);
        }

        @Override
        public void excluded() {
            excluded++;
        }

        @Override
        public void folderListed(String relativeDir, long modified, long files, boolean onlyUploadedFiles) {
            folders.add(relativeDir + ": " + files + " files, only uploaded files " + onlyUploadedFiles);
        }
    }
}
