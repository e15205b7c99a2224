package io.camelparadigm.examples.uploader;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameFilterTest {

    @Test
    void emptyListsAcceptEveryFile() {
        NameFilter filter = NameFilter.acceptAll();

        assertThat(filter.accepts("report.pdf")).isTrue();
        assertThat(filter.accepts(".DS_Store")).isTrue();
        assertThat(filter.accepts("Makefile")).isTrue();
    }

    @Test
    void includeListKeepsOnlyTheNamedExtensionsWhateverTheirCaseOrLeadingDot() {
        NameFilter filter = new NameFilter(List.of("pdf", ".DOCX"), List.of());

        assertThat(filter.accepts("a.pdf")).isTrue();
        assertThat(filter.accepts("A.PDF")).isTrue();
        assertThat(filter.accepts("b.docx")).isTrue();
        assertThat(filter.accepts("c.txt")).isFalse();
        assertThat(filter.accepts("pdf")).isTrue();
    }

    @Test
    void excludeListMatchesExtensionsAndWholeFileNames() {
        NameFilter filter = new NameFilter(List.of(), List.of("tmp", "log", ".DS_Store", ".gitkeep", "Thumbs.db"));

        assertThat(filter.accepts("draft.tmp")).isFalse();
        assertThat(filter.accepts("server.LOG")).isFalse();
        assertThat(filter.accepts(".DS_Store")).isFalse();
        assertThat(filter.accepts(".gitkeep")).isFalse();
        assertThat(filter.accepts("thumbs.db")).isFalse();
        assertThat(filter.accepts("notes.md")).isTrue();
        assertThat(filter.accepts("catalog.db")).isTrue();
    }

    @Test
    void excludeWinsOverInclude() {
        NameFilter filter = new NameFilter(List.of("md"), List.of("draft.md"));

        assertThat(filter.accepts("final.md")).isTrue();
        assertThat(filter.accepts("draft.md")).isFalse();
    }

    @Test
    void extensionIsTheTextAfterTheLastDotAndNothingForDotFiles() {
        assertThat(NameFilter.extensionOf("archive.tar.GZ")).isEqualTo("gz");
        assertThat(NameFilter.extensionOf(".bashrc")).isEmpty();
        assertThat(NameFilter.extensionOf("README")).isEmpty();
    }
}
