package io.camelparadigm.examples.uploader;

import java.time.Duration;

/**
 * The counters of an upload run at one instant.
 *
 * @param selected  files the name filter selected (the 100 %); -1 while the folder is still being counted
 * @param done      processed successfully (embedded, parsed)
 * @param failed    upload refused or processing failed
 * @param skipped   not uploaded, not a failure (unsupported, too large, already uploaded...)
 * @param inFlight  being uploaded or uploaded and not yet processed
 * @param elapsed   time since the run started
 * @param perSecond files settled (done, failed or skipped) per second over the last half minute
 * @param eta       estimated time left; null while unknown
 */
public record ProgressSnapshot(long selected, long done, long failed, long skipped, long inFlight, Duration elapsed,
                               double perSecond, Duration eta) {

    public long settled() {
        return done + failed + skipped;
    }

    public boolean counted() {
        return selected >= 0;
    }

    /** Selected files not started yet; 0 while the folder is being counted. */
    public long queued() {
        return counted() ? Math.max(0, selected - settled() - inFlight) : 0;
    }

    public int percent() {
        return selected <= 0 ? 0 : (int) Math.min(100, 100L * settled() / selected);
    }
}
