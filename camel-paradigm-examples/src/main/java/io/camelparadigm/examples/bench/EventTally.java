package io.camelparadigm.examples.bench;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The events a consumer delivered, per file id: what is missing and what came twice. */
final class EventTally {

    private final Map<Long, AtomicInteger> perFile = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    void delivered(long fileId) {
        perFile.computeIfAbsent(fileId, id -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
    }

    long total() {
        return total.get();
    }

    int distinct() {
        return perFile.size();
    }

    /** Files among {@code expected} with no event. */
    long lost(Collection<Long> expected) {
        return expected.stream().filter(id -> !perFile.containsKey(id)).count();
    }

    /** Events beyond the first of each file. */
    long duplicates() {
        return total.get() - perFile.size();
    }
}
