package io.camelparadigm.examples.bench;

import java.time.Duration;

/**
 * The best files/s any uploader could reach in a run, one request per file: {@code C} requests in flight, each
 * taking the server's latency, and, when the server is rate-limited, no more than its limit in any 60 s (the
 * emulator's sliding window: the first {@code limit} requests pass at once, the next ones only once the first
 * ones are 60 s old). Null when nothing bounds it (no latency, no limit).
 */
public final class TheoreticalLimit {

    private static final double WINDOW_SECONDS = 60;

    private TheoreticalLimit() {
    }

    public static Double filesPerSecond(int files, int concurrency, Duration latency, int rateLimitPerMinute) {
        double seconds = minimumSeconds(files, concurrency, latency, rateLimitPerMinute);
        return seconds <= 0 ? null : files / seconds;
    }

    /** The shortest time {@code files} uploads can take. */
    static double minimumSeconds(int files, int concurrency, Duration latency, int rateLimitPerMinute) {
        double perRequest = latency.toNanos() / 1e9;
        double paced = rounds(files, concurrency) * perRequest;
        if (rateLimitPerMinute <= 0 || files <= rateLimitPerMinute) {
            return paced;
        }
        int fullWindows = (files - 1) / rateLimitPerMinute;
        int inLastWindow = files - fullWindows * rateLimitPerMinute;
        return Math.max(paced, fullWindows * WINDOW_SECONDS + rounds(inLastWindow, concurrency) * perRequest);
    }

    private static long rounds(int requests, int concurrency) {
        return (requests + concurrency - 1L) / concurrency;
    }
}
