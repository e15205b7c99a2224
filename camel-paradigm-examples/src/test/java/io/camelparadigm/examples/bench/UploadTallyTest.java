package io.camelparadigm.examples.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTallyTest {

    @Test
    void percentilesAreNearestRankOverEveryUploadFailedOnesIncluded() {
        UploadTally tally = new UploadTally(100);
        for (int ms = 100; ms >= 2; ms--) {
            tally.succeeded(ms * 1_000_000L);
        }
        tally.failed(1_000_000L, "first");

        assertThat(tally.recorded()).isEqualTo(100);
        assertThat(tally.percentileMillis(50)).isEqualTo(50.0);
        assertThat(tally.percentileMillis(99)).isEqualTo(99.0);
        assertThat(tally.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void countsFailuresAndKeepsTheFirstReason() {
        UploadTally tally = new UploadTally(3);
        tally.failed(1, "first");
        tally.succeeded(1);
        tally.failed(1, "second");

        assertThat(tally.failures()).isEqualTo(2);
        assertThat(tally.firstFailure()).isEqualTo("first");
    }

    @Test
    void anEmptyTallyHasZeroLatency() {
        assertThat(new UploadTally(0).percentileMillis(99)).isZero();
    }
}
