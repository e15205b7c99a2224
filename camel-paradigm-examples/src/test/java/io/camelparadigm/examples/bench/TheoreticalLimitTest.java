package io.camelparadigm.examples.bench;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TheoreticalLimitTest {

    private static final Duration FIFTY_MS = Duration.ofMillis(50);

    @Test
    void withoutRateLimitItIsConcurrencyOverLatency() {
        assertThat(TheoreticalLimit.filesPerSecond(2000, 50, FIFTY_MS, 0)).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void anUnfilledLastRoundCountsAsAWholeRound() {
        // 60 files at 50 in flight: two rounds of 50 ms
        assertThat(TheoreticalLimit.minimumSeconds(60, 50, FIFTY_MS, 0)).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void filesWithinOneWindowOfTheRateLimitAreNotSlowedByIt() {
        assertThat(TheoreticalLimit.filesPerSecond(3000, 50, FIFTY_MS, 6000)).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void filesBeyondOneWindowWaitForTheFirstRequestsToBeSixtySecondsOld() {
        // 6,000 pass at once; the last 3,000 from t = 60 s, 60 rounds of 50 ms
        assertThat(TheoreticalLimit.minimumSeconds(9000, 50, FIFTY_MS, 6000)).isCloseTo(63.0, within(1e-9));
        // exactly two windows' worth: the second one starts at 60 s
        assertThat(TheoreticalLimit.minimumSeconds(12000, 50, FIFTY_MS, 6000)).isCloseTo(66.0, within(1e-9));
    }

    @Test
    void nothingBoundsAServerWithoutLatencyOrLimit() {
        assertThat(TheoreticalLimit.filesPerSecond(10, 5, Duration.ZERO, 0)).isNull();
    }
}
