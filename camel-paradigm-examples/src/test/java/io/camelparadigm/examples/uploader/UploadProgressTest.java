package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadProgressTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void countsEachFileOnceFromUploadToItsFinalStatus() {
        UploadProgress progress = new UploadProgress(clock, 1);
        progress.scanned(scan(3, 1));
        progress.uploadStarted();
        progress.uploadStarted();

        assertThat(progress.snapshot()).extracting(ProgressSnapshot::inFlight, ProgressSnapshot::queued,
                ProgressSnapshot::skipped).containsExactly(2, 1, 1);

        progress.uploaded("f0", 100, "pending", null);
        progress.uploaded("f1", 101, "pending", null);
        progress.statusChanged(100, "parsing", null);
        progress.statusChanged(100, "embedded", null);
        progress.statusChanged(101, "parsing_failed", "Unsupported layout");

        ProgressSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.done()).isEqualTo(1);
        assertThat(snapshot.failed()).isEqualTo(1);
        assertThat(snapshot.inFlight()).isZero();
        assertThat(progress.summary().failures())
                .containsExactly(new UploadProgress.Failure("f1", "parsing_failed: Unsupported layout"));
    }

    @Test
    void aFinalStatusSeenBeforeTheUploadAnswerIsNotLost() {
        UploadProgress progress = new UploadProgress(clock, 1);
        progress.scanned(scan(1, 0));
        progress.uploadStarted();

        progress.statusChanged(100, "embedded", null);
        progress.uploaded("f0", 100, "pending", null);
        progress.uploadsComplete();

        assertThat(progress.snapshot().done()).isEqualTo(1);
        assertThat(progress.isFinished()).isTrue();
    }

    @Test
    void finishesOnlyWhenUploadsAreOverAndNothingIsProcessing() {
        UploadProgress progress = new UploadProgress(clock, 1);
        progress.scanned(scan(2, 0));
        progress.uploadStarted();
        progress.uploaded("f0", 100, "pending", null);
        progress.uploadStarted();
        progress.uploadSkipped("f1", SkipReason.ALREADY_IN_PARADIGM);

        assertThat(progress.isFinished()).isFalse();
        progress.uploadsComplete();
        assertThat(progress.isFinished()).isFalse();
        progress.statusChanged(100, "embedded", null);
        assertThat(progress.isFinished()).isTrue();
    }

    @Test
    void maxFailsCountsUploadFailuresNotProcessingFailures() {
        UploadProgress progress = new UploadProgress(clock, 2);
        progress.scanned(scan(4, 0));
        progress.uploadStarted();
        progress.uploaded("f0", 100, "pending", null);
        progress.statusChanged(100, "fail", "corrupt");
        progress.uploadStarted();
        progress.uploadFailed("f1", "HTTP 403 Forbidden");

        assertThat(progress.maxFailsReached()).isFalse();
        progress.uploadStarted();
        progress.uploadFailed("f2", "HTTP 403 Forbidden");
        assertThat(progress.maxFailsReached()).isTrue();
        assertThat(progress.hasFailures()).isTrue();
    }

    @Test
    void statusChangesOfOtherFilesAreIgnored() {
        UploadProgress progress = new UploadProgress(clock, 1);
        progress.scanned(scan(1, 0));
        progress.statusChanged(999, "embedded", null);

        assertThat(progress.snapshot().done()).isZero();
    }

    @Test
    void rateAndEtaFollowTheSettledDocuments() {
        UploadProgress progress = new UploadProgress(clock, 1);
        progress.scanned(scan(4, 0));
        assertThat(progress.snapshot().eta()).isNull();

        for (int i = 0; i < 2; i++) {
            progress.uploadStarted();
            progress.uploaded("f" + i, 100 + i, "pending", null);
            progress.statusChanged(100 + i, "embedded", null);
        }
        clock.advance(Duration.ofSeconds(10));

        ProgressSnapshot snapshot = progress.snapshot();
        assertThat(snapshot.perSecond()).isEqualTo(0.2);
        assertThat(snapshot.eta()).isEqualTo(Duration.ofSeconds(10));
        assertThat(snapshot.percent()).isEqualTo(50);
    }

    private static ScanResult scan(int toUpload, int skipped) {
        List<ScannedFile> files = java.util.stream.IntStream.range(0, toUpload)
                .mapToObj(i -> new ScannedFile(java.nio.file.Path.of("/data/f" + i), "f" + i, 10)).toList();
        List<SkippedFile> skips = java.util.stream.IntStream.range(0, skipped)
                .mapToObj(i -> new SkippedFile("s" + i, SkipReason.UNSUPPORTED_EXTENSION)).toList();
        return new ScanResult(files, skips, 0);
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
