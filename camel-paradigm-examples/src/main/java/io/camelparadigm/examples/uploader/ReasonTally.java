package io.camelparadigm.examples.uploader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Files counted by reason, keeping only the first few file names of each reason (alphabetically) for the summary,
 * so that a million skipped files cost a counter, not a list. Reasons beyond {@link #MAX_REASONS} are counted
 * together. Not thread-safe.
 */
final class ReasonTally {

    /** A reason, how many files had it, and the first of them. */
    record Group(String reason, long count, List<String> examples) {
    }

    static final int EXAMPLES = 3;
    static final int MAX_REASONS = 30;
    static final String OTHER_REASONS = "other reasons";

    private final Map<String, Counted> groups = new LinkedHashMap<>();
    private long total;

    void add(String reason, String file) {
        String key = groups.containsKey(reason) || groups.size() < MAX_REASONS ? reason : OTHER_REASONS;
        groups.computeIfAbsent(key, k -> new Counted()).add(file);
        total++;
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
        groups.forEach((reason, counted) -> list.add(new Group(reason, counted.count, List.copyOf(counted.first))));
        return list;
    }

    private static final class Counted {
        private final TreeSet<String> first = new TreeSet<>();
        private long count;

        void add(String file) {
            count++;
            first.add(file);
            if (first.size() > EXAMPLES) {
                first.pollLast();
            }
        }
    }
}
