package io.camelparadigm.examples.uploader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelparadigm.component.paradigm.model.FileStatus;

/** The final report of a run: counts per final status, then the failures and skips grouped by reason. */
public final class SummaryReport {

    private static final int FILES_SHOWN_PER_REASON = 3;

    private SummaryReport() {
    }

    public static String format(UploadProgress.Summary summary) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Summary: %d files selected%s, %d uploaded, in %s%n",
                summary.selected(),
                summary.excluded() > 0 ? " (" + summary.excluded() + " more left out by the include/exclude lists)" : "",
                summary.uploaded(), ProgressFormatter.clock(summary.elapsed())));

        summary.processedByStatus().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByKey(
                        Comparator.comparing((String status) -> !FileStatus.isSuccess(status))))
                .forEach(entry -> row(text, entry.getKey(), entry.getValue()));
        long uploadFailures = summary.failures().stream().filter(f -> f.reason().startsWith("upload: ")).count();
        if (uploadFailures > 0) {
            row(text, "upload failed", (int) uploadFailures);
        }
        if (summary.stillInFlight() > 0) {
            row(text, "still processing", summary.stillInFlight());
        }
        row(text, "skipped", summary.skipped().size());

        if (summary.failures().isEmpty() && summary.stillInFlight() == 0) {
            text.append(String.format("Every uploaded document is processed.%n"));
        }
        if (!summary.failures().isEmpty()) {
            text.append(String.format("Failures by reason:%n"));
            reasons(text, group(summary.failures(), UploadProgress.Failure::reason, UploadProgress.Failure::relativePath));
        }
        if (!summary.skipped().isEmpty()) {
            text.append(String.format("Skipped by reason:%n"));
            reasons(text, group(summary.skipped(), skip -> skip.reason().description(), SkippedFile::relativePath));
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String label, int count) {
        text.append(String.format(Locale.ROOT, "  %-18s %6d%n", label, count));
    }

    private static <T> Map<String, List<String>> group(List<T> items, Function<T, String> reason,
                                                       Function<T, String> file) {
        return items.stream().collect(Collectors.groupingBy(reason, LinkedHashMap::new,
                Collectors.mapping(file, Collectors.toList())));
    }

    private static void reasons(StringBuilder text, Map<String, List<String>> filesByReason) {
        filesByReason.forEach((reason, unsorted) -> {
            List<String> files = unsorted.stream().sorted().toList();
            List<String> shown = new ArrayList<>(files.subList(0, Math.min(FILES_SHOWN_PER_REASON, files.size())));
            if (files.size() > shown.size()) {
                shown.add("and " + (files.size() - shown.size()) + " more");
            }
            text.append(String.format(Locale.ROOT, "  %6d  %s: %s%n", files.size(), reason, String.join(", ", shown)));
        });
    }
}
