package io.camelparadigm.examples.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The child JVM of {@link ConsumerHeapRun}: follows {@code paradigm:fileEvents} from a given first start until it has
 * an event for each of the expected files (or 10 minutes passed), then prints one JSON line: events, distinct files,
 * duplicates, the peak heap, and the error if one stopped it (an OutOfMemoryError, say).
 * Arguments: baseUrl apiKey workspaceId startFrom expectedFiles.
 */
public final class ConsumerHeapProbe {

    static final String READY = "ready";
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private ConsumerHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        EventTally tally = new EventTally();
        long started = System.nanoTime();
        String uri = "paradigm:fileEvents?workspaceId=" + args[2] + "&startFrom=" + args[3] + "&startScheduler=false";
        int expected = Integer.parseInt(args[4]);
        try (ConsumerApplication consumer = ConsumerApplication.start(args[0], args[1], uri, tally)) {
            System.gc();
            PeakHeap.reset();
            consumer.poll();
            System.out.println(READY);
            System.out.flush();
            while (tally.distinct() < expected && System.nanoTime() - started < LIMIT.toNanos()) {
                consumer.poll();
            }
        } catch (Throwable e) {
            result.put("error", e.toString());
        }
        result.put("events", tally.total());
        result.put("distinct", tally.distinct());
        result.put("duplicates", tally.duplicates());
        result.put("peakHeapMb", PeakHeap.bytes() / (1024 * 1024));
        result.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        System.exit(result.containsKey("error") ? 1 : 0);
    }
}
