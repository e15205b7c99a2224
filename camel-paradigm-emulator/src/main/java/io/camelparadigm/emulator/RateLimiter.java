package io.camelparadigm.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Sliding window per caller on the emulator clock: at most {@code limit} admitted requests in any period (60 s for
 * the service's per-minute limit). Refused requests do not use a slot, so a client paced at the limit is never
 * refused.
 */
final class RateLimiter {

    private final Map<String, Deque<Long>> admittedByCaller = new HashMap<>();

    /**
     * Admits one request at {@code nowMicros}; returns 0 when admitted, otherwise the whole seconds (at least
     * 1) until a slot frees up.
     */
    synchronized long tryAcquire(String caller, int limit, long periodMicros, long nowMicros) {
        if (limit <= 0) {
            return 0;
        }
        Deque<Long> admitted = admittedByCaller.computeIfAbsent(caller, c -> new ArrayDeque<>());
        while (!admitted.isEmpty() && admitted.peekFirst() <= nowMicros - periodMicros) {
            admitted.pollFirst();
        }
        if (admitted.size() < limit) {
            admitted.addLast(nowMicros);
            return 0;
        }
        long freesAt = admitted.peekFirst() + periodMicros;
        return Math.max(1, (freesAt - nowMicros + 999_999) / 1_000_000);
    }

    synchronized void clear() {
        admittedByCaller.clear();
    }
}
