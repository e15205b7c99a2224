package io.camelparadigm.examples.bench;

import java.time.Duration;

import io.camelparadigm.emulator.Faults;

/**
 * How the emulated service behaves during a run: its latency, its limits, and the faults it injects.
 *
 * @param tooManyRequests fraction of requests answered 429 (with {@code Retry-After: retryAfterSeconds})
 * @param badGateway      fraction of requests answered 502
 * @param drops           fraction of requests whose connection is closed without an answer
 * @param lostAnswers     number of uploads stored whose answer is then lost (connection closed)
 */
public record ServerConditions(Duration latency, int rateLimitPerMinute, int maxConcurrentUploadsPerSession,
                               double tooManyRequests, double badGateway, double drops, int lostAnswers,
                               int retryAfterSeconds, long seed) {

    public ServerConditions {
        if (tooManyRequests < 0 || badGateway < 0 || drops < 0 || tooManyRequests + badGateway > 1 || drops > 1) {
            throw new IllegalArgumentException("fault fractions are between 0 and 1, and --too-many-requests plus "
                                               + "--bad-gateway at most 1 (each request draws one of them)");
        }
    }

    /** A fast, faultless service, for warming up. */
    public static ServerConditions none() {
        return new ServerConditions(Duration.ZERO, 0, 0, 0, 0, 0, 0, 1, 0);
    }

    void applyTo(Faults faults) {
        faults.reset()
                .latency(latency)
                .rateLimitPerMinute(rateLimitPerMinute)
                .maxConcurrentUploadsPerSession(maxConcurrentUploadsPerSession)
                .retryAfterSeconds(retryAfterSeconds)
                .dropAfterStore(lostAnswers);
        if (tooManyRequests > 0) {
            faults.randomErrors(tooManyRequests, 429, seed);
        }
        if (badGateway > 0) {
            faults.randomErrors(badGateway, 502, seed);
        }
        if (drops > 0) {
            faults.dropFraction(drops, seed + 1);
        }
    }
}
