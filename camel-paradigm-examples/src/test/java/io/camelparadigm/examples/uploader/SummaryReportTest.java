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
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("parsing_failed", 2L);
        byStatus.put("embedded", 5L);
        ReasonTally failures = new ReasonTally();
        failures.add("parsing_failed: Unsupported layout", "b.pdf");
        failures.add("parsing_failed: Unsupported layout", "a.pdf");
        failures.add("upload: HTTP 403 Forbidden", "c.pdf");
        ReasonTally skipped = new ReasonTally();
        skipped.add(SkipReason.UNSUPPORTED_EXTENSION.description(), "y.zip");
        skipped.add(SkipReason.UNSUPPORTED_EXTENSION.description(), "x.exe");
        UploadProgress.Summary summary = new UploadProgress.Summary(12, 3, byStatus, failures.groups(), 1, 0,
                skipped.groups(), skipped.total(), 7, 0, 0, Duration.ofSeconds(42), 0, 0, 0, 0);

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
    }

    @Test
    void aMillionSkippedFilesAreACountAndTheFirstThreeNames() {
        ReasonTally skipped = new ReasonTally();
        for (int i = 0; i < 1_000_000; i++) {
            skipped.add(SkipReason.ALREADY_UPLOADED.description(), String.format("f%07d.pdf", i));
        }
        UploadProgress.Summary summary = new UploadProgress.Summary(1_000_000, 0, Map.of(), List.of(), 0, 0,
                skipped.groups(), skipped.total(), 0, 0, 0, Duration.ZERO, 0, 0, 0, 0);

        assertThat(SummaryReport.format(summary)).contains(
                "1000000  already uploaded (state file): f0000000.pdf, f0000001.pdf, f0000002.pdf, and 999997 more");
    }

    @Test
    void reasonsBeyondTheLimitAreCountedTogether() {
        ReasonTally failures = new ReasonTally();
        for (int i = 0; i < ReasonTally.MAX_REASONS + 5; i++) {
            failures.add("reason " + i, "file" + i);
        }

        assertThat(failures.groups()).hasSize(ReasonTally.MAX_REASONS + 1);
        assertThat(failures.count(ReasonTally.OTHER_REASONS)).isEqualTo(5);
        assertThat(failures.total()).isEqualTo(ReasonTally.MAX_REASONS + 5);
    }

    @Test
    void filesNotAttemptedAndStillProcessingHaveTheirRows() {
        UploadProgress.Summary summary = new UploadProgress.Summary(-1, 0, Map.of("embedded", 3L), List.of(), 0, 0,
                List.of(), 0, 5, 2, 40, Duration.ofSeconds(5), 0, 0, 0, 0);

        assertThat(SummaryReport.format(summary)).startsWith("Summary: ? files selected, 5 uploaded, in 0:05")
                .contains("  still processing        2", "  not attempted          40");
    }
}
