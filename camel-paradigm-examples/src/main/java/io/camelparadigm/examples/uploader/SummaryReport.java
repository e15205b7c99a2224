package io.camelparadigm.examples.uploader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.camelparadigm.component.paradigm.model.FileStatus;

/** The final report of a run: counts per final status, then the failures and skips grouped by reason. */
public final class SummaryReport {

    private SummaryReport() {
    }

    public static String format(UploadProgress.Summary summary) {
        return format(summary, false);
    }

    /** @param sync a {@code --sync} run: the replaced, unchanged and deleted documents are counted too */
    public static String format(UploadProgress.Summary summary, boolean sync) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Summary: %s files selected%s, %d uploaded%s, in %s%n",
                summary.selected() >= 0 ? String.valueOf(summary.selected()) : "?",
                summary.excluded() > 0 ? " (" + summary.excluded() + " more left out by the include/exclude lists)" : "",
                summary.uploaded(),
                sync ? String.format(Locale.ROOT, ", %d replaced, %d unchanged, %d deleted", summary.replaced(),
                        summary.unchanged(), summary.deleted()) : "",
                ProgressFormatter.clock(summary.elapsed())));

        summary.processedByStatus().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByKey(
                        Comparator.comparing((String status) -> !FileStatus.isSuccess(status))))
                .forEach(entry -> row(text, entry.getKey(), entry.getValue()));
        if (summary.uploadFailures() > 0) {
            row(text, "upload failed", summary.uploadFailures());
        }
        if (summary.tagsNotApplied() > 0) {
            row(text, "tags not applied", summary.tagsNotApplied());
        }
        if (summary.stillProcessing() > 0) {
            row(text, "still processing", summary.stillProcessing());
        }
        if (summary.alreadyDeleted() > 0) {
            row(text, "already deleted", summary.alreadyDeleted());
        }
        row(text, "skipped", summary.skippedCount());
        if (summary.notAttempted() > 0) {
            row(text, "not attempted", summary.notAttempted());
        }
        if (!summary.failures().isEmpty()) {
            text.append(String.format("Failures by reason:%n"));
            reasons(text, summary.failures());
        }
        if (!summary.skipped().isEmpty()) {
            text.append(String.format("Skipped by reason:%n"));
            reasons(text, summary.skipped());
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String label, long count) {
        text.append(String.format(Locale.ROOT, "  %-18s %6d%n", label, count));
    }

    private static void reasons(StringBuilder text, List<ReasonTally.Group> groups) {
        for (ReasonTally.Group group : groups) {
            List<String> shown = new ArrayList<>(group.examples());
            if (group.count() > group.examplesCount()) {
                shown.add("and " + (group.count() - group.examplesCount()) + " more");
            }
            text.append(String.format(Locale.ROOT, "  %6d  %s: %s%n", group.count(), group.reason(),
                    String.join(", ", shown)));
        }
    }
}
