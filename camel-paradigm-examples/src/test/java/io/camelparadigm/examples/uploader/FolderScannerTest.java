package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderScannerTest {

    private static final Set<String> SUPPORTED = Set.of("pdf", "md", "txt");

    @TempDir
    Path folder;

    @Test
    void findsFilesInEverySubfolderWithTheirPathBelowTheFolder() throws IOException {
        write("top.md", 10);
        write("a/b/deep.pdf", 10);
        write("a/mid.txt", 10);

        ScanResult scan = new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000).scan(folder);

        assertThat(scan.toUpload()).extracting(ScannedFile::relativePath)
                .containsExactly("a/b/deep.pdf", "a/mid.txt", "top.md");
        assertThat(scan.toUpload()).allSatisfy(file -> assertThat(file.path()).isAbsolute().exists());
        assertThat(scan.toUpload().get(0).size()).isEqualTo(10);
    }

    @Test
    void unsupportedOversizeAndEmptyFilesAreSkippedWithTheirReason() throws IOException {
        write("ok.md", 100);
        write("tool.exe", 100);
        write("big.pdf", 1001);
        write("limit.pdf", 1000);
        write("empty.txt", 0);

        ScanResult scan = new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000).scan(folder);

        assertThat(scan.toUpload()).extracting(ScannedFile::relativePath).containsExactly("limit.pdf", "ok.md");
        assertThat(scan.skipped()).containsExactly(
                new SkippedFile("big.pdf", SkipReason.TOO_LARGE),
                new SkippedFile("empty.txt", SkipReason.EMPTY),
                new SkippedFile("tool.exe", SkipReason.UNSUPPORTED_EXTENSION));
        assertThat(scan.selected()).isEqualTo(5);
    }

    @Test
    void filesLeftOutByTheNameFilterAreCountedNotSkipped() throws IOException {
        write("keep.md", 5);
        write("drop.tmp", 5);
        write(".DS_Store", 5);

        ScanResult scan = new FolderScanner(new NameFilter(List.of(), List.of("tmp", ".DS_Store")), SUPPORTED, 1000)
                .scan(folder);

        assertThat(scan.toUpload()).extracting(ScannedFile::relativePath).containsExactly("keep.md");
        assertThat(scan.skipped()).isEmpty();
        assertThat(scan.excluded()).isEqualTo(2);
    }

    @Test
    void aMissingFolderIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new FolderScanner(NameFilter.acceptAll(), SUPPORTED, 1000).scan(folder.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    private void write(String relativePath, int size) throws IOException {
        Path file = folder.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[size]);
    }
}
