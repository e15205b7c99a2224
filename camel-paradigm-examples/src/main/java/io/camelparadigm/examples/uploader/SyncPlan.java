package io.camelparadigm.examples.uploader;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code --sync --dry-run} would do, by kind: how many files, and the first few of each (in the order the walk
 * found them), so that a million files cost four counters and a few names. Thread-safe.
 */
public final class SyncPlan {

    /** What a sync would do with a file. */
    public enum Kind {
        NEW("new"),
        CHANGED("changed"),
        UNCHANGED("unchanged"),
        TO_DELETE("to delete");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final int EXAMPLES = 10;

    private final Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    private final Map<Kind, List<String>> examples = new EnumMap<>(Kind.class);

    public synchronized void add(Kind kind, String relativePath) {
        counts.merge(kind, 1L, Long::sum);
        List<String> first = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (first.size() < EXAMPLES) {
            first.add(relativePath);
        }
    }

    public synchronized long count(Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** The plan as printed: the counts, then the first files of each kind. */
    public synchronized String format(boolean deleteMissing) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Plan (dry run, nothing sent): %d new, %d changed, %d unchanged, %s to delete%n", count(Kind.NEW),
                count(Kind.CHANGED), count(Kind.UNCHANGED),
                deleteMissing ? String.valueOf(count(Kind.TO_DELETE)) : "- (no --delete-missing)"));
        for (Kind kind : Kind.values()) {
            long count = count(kind);
            if (count > 0) {
                List<String> shown = new ArrayList<>(examples.get(kind));
                if (count > shown.size()) {
                    shown.add("and " + (count - shown.size()) + " more");
                }
                text.append(String.format(Locale.ROOT, "  %-10s %6d: %s%n", kind.label, count, String.join(", ", shown)));
            }
        }
        text.append(String.format("Changed: another size or modification time than when last sent; a sync compares "
                                  + "their content and replaces only those whose content differs.%n"));
        return text.toString();
    }
}
