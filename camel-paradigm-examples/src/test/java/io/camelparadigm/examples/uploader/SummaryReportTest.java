package io.camelparadigm.examples.uploader;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryReportTest {

    @Test
    void listsEachFinalStatusThenFailuresAndSkipsGroupedByReason() {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        byStatus.put("parsing_failed", 2);
        byStatus.put("embedded", 5);
        UploadProgress.Summary summary = new UploadProgress.Summary(12, 3, byStatus,
                List.of(new UploadProgress.Failure("a.pdf", "parsing_failed: Unsupported layout"),
                        new UploadProgress.Failure("b.pdf", "parsing_failed: Unsupported layout"),
                        new UploadProgress.Failure("c.pdf", "upload: HTTP 403 Forbidden")),
                List.of(new SkippedFile("x.exe", SkipReason.UNSUPPORTED_EXTENSION),
                        new SkippedFile("y.zip", SkipReason.UNSUPPORTED_EXTENSION)),
                7, 0, Duration.ofSeconds(42));

        List<String> lines = SummaryReport.format(summary).lines().toList();

        assertThat(lines.get(0)).isEqualTo(
                "Summary: 12 files selected (3 more left out by the include/exclude lists), 7 uploaded, in 0:42");
        assertThat(lines.subList(1, 5)).containsExactly(
                "  embedded                5",
                "  parsing_failed          2",
                "  upload failed           1",
                "  skipped                 2");
        assertThat(lines).contains(
                "       2  parsing_failed: Unsupported layout: a.pdf, b.pdf",
                "       1  upload: HTTP 403 Forbidden: c.pdf",
                "       2  unsupported extension: x.exe, y.zip");
        assertThat(lines).doesNotContain("Every uploaded document is processed.");
    }

    @Test
    void longListsOfFilesAreShortened() {
        List<SkippedFile> skipped = List.of("1.log", "2.log", "3.log", "4.log", "5.log").stream()
                .map(name -> new SkippedFile(name, SkipReason.UNSUPPORTED_EXTENSION)).toList();
        UploadProgress.Summary summary = new UploadProgress.Summary(5, 0, Map.of(), List.of(), skipped, 0, 0,
                Duration.ZERO);

        assertThat(SummaryReport.format(summary))
                .contains("5  unsupported extension: 1.log, 2.log, 3.log, and 2 more")
                .contains("Every uploaded document is processed.");
    }
}
