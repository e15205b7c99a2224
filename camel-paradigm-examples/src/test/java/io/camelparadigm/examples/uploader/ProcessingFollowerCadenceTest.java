package io.camelparadigm.examples.uploader;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@link ProcessingFollower} lets its consumer poll, on a clock the test moves. */
class ProcessingFollowerCadenceTest {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private final UploadProgressTest.MutableClock clock = new UploadProgressTest.MutableClock();
    private final UploadProgress progress = new UploadProgress(clock, 1, externalId -> null);
    private final ProcessingFollower follower = new ProcessingFollower(progress, POLL_INTERVAL, clock);

    @Test
    void pollsOncePerIntervalWhileFilesAreUploadedThenSoonerAfterTheLastOne() {
        progress.handed();
        progress.handed();
        progress.scanComplete();
        progress.uploadStarted();
        progress.uploaded("a.pdf", 1, "s", "pending", null);
        progress.uploadStarted();
        assertThat(follower.begin(null, null)).as("the first poll").isTrue();
        clock.advance(Duration.ofMillis(1_750));
        assertThat(follower.begin(null, null)).as("1.75 s later, an upload still running").isFalse();
        clock.advance(Duration.ofMillis(250));
        assertThat(follower.begin(null, null)).as("2 s later").isTrue();

        progress.uploaded("b.pdf", 2, "s", "pending", null);
        assertThat(follower.interval()).as("right after the last upload: one tick").isEqualTo(ProcessingFollower.TICK);
        clock.advance(Duration.ofMillis(250));
        assertThat(follower.begin(null, null)).as("a tick after the last upload").isTrue();
        clock.advance(Duration.ofMillis(250));
        assertThat(follower.begin(null, null)).as("a tick later").isTrue();

        clock.advance(Duration.ofMillis(3_500));
        assertThat(follower.interval()).as("a quarter of the 4 s since the last upload").isEqualTo(Duration.ofSeconds(1));
        assertThat(follower.begin(null, null)).isTrue();
        clock.advance(Duration.ofMillis(900));
        assertThat(follower.begin(null, null)).as("0.9 s after the previous poll").isFalse();

        clock.advance(Duration.ofMinutes(1));
        assertThat(follower.interval()).as("never less often than the poll interval").isEqualTo(POLL_INTERVAL);
    }

    @Test
    void neverPollsWhileNothingIsProcessing() {
        progress.handed();
        progress.scanComplete();
        progress.uploadStarted();
        assertThat(follower.begin(null, null)).as("nothing uploaded yet").isFalse();

        progress.uploaded("a.pdf", 1, "s", "pending", null);
        assertThat(follower.begin(null, null)).isTrue();
        progress.statusChanged(1, "embedded", null, null, "s");
        clock.advance(Duration.ofMinutes(1));
        assertThat(follower.begin(null, null)).as("its document is final").isFalse();
    }

    @Test
    void aClockSetBackDoesNotHoldThePollsBackUntilItCatchesUp() {
        progress.handed();
        progress.uploadStarted();
        progress.uploaded("a.pdf", 1, "s", "pending", null);
        assertThat(follower.begin(null, null)).isTrue();

        clock.advance(Duration.ofMinutes(-10));

        assertThat(follower.begin(null, null)).as("the clock went back 10 minutes").isTrue();
        clock.advance(Duration.ofMillis(500));
        assertThat(follower.begin(null, null)).as("then once per interval again").isFalse();
    }

    @Test
    void aPollIntervalShorterThanTheTickIsKept() {
        ProcessingFollower fast = new ProcessingFollower(progress, Duration.ofMillis(100), clock);
        progress.scanComplete();

        assertThat(fast.interval()).isEqualTo(Duration.ofMillis(100));
        assertThat(ProcessingFollower.uri(7, Duration.ofMillis(100))).contains("&delay=100&");
        assertThat(ProcessingFollower.uri(7, POLL_INTERVAL)).contains("&delay=250&");
    }
}
