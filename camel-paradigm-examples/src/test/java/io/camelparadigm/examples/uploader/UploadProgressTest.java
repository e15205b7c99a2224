package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadProgressTest {

    private static final String OURS = "file:///data/";

    private final MutableClock clock = new MutableClock();

    @Test
    void countsEachFileOnceFromUploadToItsFinalStatus() {
        UploadProgress progress = progress(1);
        progress.counted(4, 0);
        progress.scanSkipped("s0", SkipReason.UNSUPPORTED_EXTENSION);
        progress.handed();
        progress.handed();
        progress.uploadStarted();
        progress.uploadStarted();

        assertThat(progress.snapshot()).extracting(ProgressSnapshot::inFlight, ProgressSnapshot::queued,
                ProgressSnapshot::skipped).containsExactly(2L, 1L, 1L);

        progress.uploaded("f0", 100, "session-1", "pending", null);
        progress.uploaded("f1", 101, "session-1", "pending", null);
        progress.statusChanged(100, "parsing", null, OURS + "f0", "session-1");
        progress.statusChanged(100, "embedded", null, OURS + "f0", "session-1");
        progress.statusChanged(100, "embedded", null, OURS + "f0", "session-1");
        progress.statusChanged(101, "parsing_failed", "Unsupported layout", OURS + "f1", "session-1");

        ProgressSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.done()).isEqualTo(1);
        assertThat(snapshot.failed()).isEqualTo(1);
        assertThat(snapshot.inFlight()).isZero();
        assertThat(progress.summary().failures())
                .containsExactly(new ReasonTally.Group("parsing_failed: Unsupported layout", 1, java.util.List.of("f1"), 1));
        assertThat(progress.summary().processedByStatus()).containsEntry("embedded", 1L);
    }

    @Test
    void aFinalStatusSeenBeforeTheUploadAnswerIsNotLost() {
        UploadProgress progress = progress(1);
        progress.handed();
        progress.uploadStarted();

        progress.statusChanged(100, "embedded", null, OURS + "f0", "session-1");
        progress.uploaded("f0", 100, "session-1", "pending", null);
        progress.scanComplete();

        assertThat(progress.snapshot().done()).isEqualTo(1);
        assertThat(progress.isFinished()).isTrue();
    }

    @Test
    void finishesOnlyWhenTheWalkIsOverEveryFileHandledAndNothingProcessing() {
        UploadProgress progress = progress(1);
        progress.handed();
        progress.handed();
        progress.uploadStarted();
        progress.uploaded("f0", 100, "session-1", "pending", null);
        progress.skipped("f1", SkipReason.ALREADY_UPLOADED);

        assertThat(progress.isFinished()).isFalse();
        progress.scanComplete();
        assertThat(progress.uploadsFinished()).isTrue();
        assertThat(progress.isFinished()).isFalse();
        progress.statusChanged(100, "embedded", null, OURS + "f0", "session-1");
        assertThat(progress.isFinished()).isTrue();
    }

    @Test
    void maxFailsCountsUploadFailuresAndDocumentsStoredWithoutTheirTagsNotProcessingFailures() {
        UploadProgress progress = progress(2);
        progress.uploadStarted();
        progress.uploaded("f0", 100, "session-1", "pending", null);
        progress.statusChanged(100, "fail", "corrupt", OURS + "f0", "session-1");
        progress.uploadStarted();
        progress.uploadFailed("f1", "HTTP 403 Forbidden");

        assertThat(progress.maxFailsReached()).isFalse();
        progress.uploadStarted();
        progress.uploaded("f2", 102, "session-1", "pending", null);
        progress.storedWithoutTags("f2", "Invalid or unauthorized tag IDs: 999");
        assertThat(progress.maxFailsReached()).isTrue();
        UploadProgress.Summary summary = progress.summary();
        assertThat(summary.tagsNotApplied()).isEqualTo(1);
        assertThat(summary.failures()).extracting(ReasonTally.Group::reason).contains(
                "stored without its tags (HTTP 207): Invalid or unauthorized tag IDs: 999");
    }

    @Test
    void statusChangesOfOtherDocumentsAreIgnoredAndNotKept() {
        UploadProgress progress = progress(1);
        progress.statusChanged(999, "embedded", null, "file:///elsewhere/x.pdf", "session-1");
        progress.statusChanged(998, "embedded", null, null, "session-1");
        progress.uploadStarted();
        progress.uploaded("x", 999, "session-1", "pending", null);

        assertThat(progress.snapshot().done()).isZero();
        assertThat(progress.stillProcessing()).isEqualTo(1);
    }

    @Test
    void theTotalIsUnknownUntilCountedOrWalked() {
        UploadProgress progress = progress(1);
        assertThat(progress.snapshot().selected()).isEqualTo(-1);

        progress.counted(10, 2);
        assertThat(progress.snapshot().selected()).isEqualTo(10);

        progress.handed();
        progress.scanSkipped("a.exe", SkipReason.UNSUPPORTED_EXTENSION);
        progress.excluded();
        progress.scanComplete();
        assertThat(progress.snapshot().selected()).isEqualTo(2);
        assertThat(progress.summary().excluded()).isEqualTo(1);
    }

    @Test
    void theRateIsTheLastHalfMinuteSoALongSkipPhaseDoesNotDistortTheEta() {
        UploadProgress progress = progress(1);
        progress.counted(100_020, 0);
        assertThat(progress.snapshot().eta()).isNull();
        for (int i = 0; i < 100_000; i++) {
            progress.handed();
            progress.skipped("old-" + i, SkipReason.ALREADY_UPLOADED);
        }
        clock.advance(Duration.ofMinutes(10));
        progress.snapshot();
        for (int second = 0; second < 40; second++) {
            clock.advance(Duration.ofSeconds(1));
            if (second % 4 == 0) {
                progress.uploadStarted();
                progress.uploaded("new-" + second, 100 + second, "session-1", "embedded", null);
            }
            progress.snapshot();
        }

        ProgressSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.perSecond()).isBetween(0.2, 0.3);
        // 10 files left at about 0.25 a second
        assertThat(snapshot.eta()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        assertThat(progress.summary().skipped()).singleElement()
                .satisfies(group -> assertThat(group.examples()).containsExactly("old-0", "old-1", "old-10"));
    }

    @Test
    void aRunOverWithinTwoSecondsShowsItsAverageRateAndNoTimeLeft() {
        UploadProgress progress = progress(1);
        progress.counted(5, 0);
        progress.snapshot();
        clock.advance(Duration.ofMillis(1_000));
        for (int i = 0; i < 5; i++) {
            progress.handed();
            progress.uploadStarted();
            progress.uploaded("f" + i, 100 + i, "session-1", "embedded", null);
        }
        progress.scanComplete();
        clock.advance(Duration.ofMillis(250));

        ProgressSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.perSecond()).as("5 files in 1.25 s").isEqualTo(4.0);
        assertThat(snapshot.eta()).isZero();
        assertThat(new ProgressFormatter(10).line(snapshot)).endsWith("; 4.0 files/s, ETA 0:00");
    }

    @Test
    void aStoppedRunCountsTheFilesItDidNotTryWithoutCallingThemSkipped() {
        UploadProgress progress = progress(1);
        progress.counted(1000, 0);
        progress.handed();
        progress.uploadStarted();
        progress.uploaded("f0", 100, "session-1", "embedded", null);

        progress.interrupt();

        ProgressSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.percent()).isZero();
        assertThat(snapshot.skipped()).isZero();
        assertThat(progress.summary().notAttempted()).isEqualTo(999);
        assertThat(progress.isStopping()).isTrue();
    }

    @Test
    void remembersTheUploadSessionsOfTheDocumentsStillProcessing() {
        UploadProgress progress = progress(1);
        progress.uploaded("a", 100, "session-1", "pending", null);
        progress.uploaded("b", 101, "session-2", "pending", null);
        progress.uploaded("c", 102, "session-2", "pending", null);
        assertThat(progress.sessionsStillProcessing()).containsExactlyInAnyOrder("session-1", "session-2");

        progress.statusChanged(100, "embedded", null, OURS + "a", "session-1");
        progress.statusChanged(101, "embedded", null, OURS + "b", "session-2");
        assertThat(progress.sessionsStillProcessing()).containsExactly("session-2");

        progress.statusChanged(102, "embedded", null, OURS + "c", null);
        assertThat(progress.sessionsStillProcessing()).isEmpty();
    }

    private UploadProgress progress(int maxFails) {
        return new UploadProgress(clock, maxFails,
                externalId -> externalId.startsWith(OURS) ? externalId.substring(OURS.length()) : null);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
