package io.camelparadigm.examples.uploader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files counted by reason, keeping only the first few file names of each reason (alphabetically) for the summary,
 * so that a million skipped files cost a counter, not a list. Reasons beyond {@link #MAX_REASONS} are counted
 * together. Not thread-safe.
 */
final class ReasonTally {

    /** A reason, how many files had it, the first of them, and how many files those first ones stand for. */
    record Group(String reason, long count, List<String> examples, long examplesCount) {
    }

    static final int EXAMPLES = 3;
    static final int MAX_REASONS = 30;
    static final String OTHER_REASONS = "other reasons";

    private final Map<String, Counted> groups = new LinkedHashMap<>();
    private long total;

    void add(String reason, String file) {
        add(reason, file, 1);
    }

    /** {@code count} files for one reason, shown as {@code example} (a folder's files, say). */
    void add(String reason, String example, long count) {
        String key = groups.containsKey(reason) || groups.size() < MAX_REASONS ? reason : OTHER_REASONS;
        groups.computeIfAbsent(key, k -> new Counted()).add(example, count);
        total += count;
    }

    long total() {
        return total;
    }

    long count(String reason) {
        Counted counted = groups.get(reason);
        return counted == null ? 0 : counted.count;
    }

    List<Group> groups() {
        List<Group> list = new ArrayList<>();
        groups.forEach((reason, counted) -> list.add(new Group(reason, counted.count,
                List.copyOf(counted.first.keySet()), counted.first.values().stream().mapToLong(Long::longValue).sum())));
        return list;
    }

    private static final class Counted {
        /** Each example with the number of files it stands for: 1 for a file, more for a folder. */
        private final TreeMap<String, Long> first = new TreeMap<>();
        private long count;

        void add(String example, long files) {
            count += files;
            first.merge(example, files, Long::sum);
            if (first.size() > EXAMPLES) {
                first.pollLastEntry();
            }
        }
    }
}
