package io.camelparadigm.examples.uploader;

import java.time.Duration;

/**
 * The counters of an upload run at one instant.
 *
 * @param selected      files the name filter selected (the 100 %)
 * @param done          processed successfully (embedded, parsed)
 * @param failed        upload refused or processing failed
 * @param skipped       not uploaded, not a failure (unsupported, too large, already uploaded...)
 * @param inFlight      being uploaded or uploaded and not yet processed
 * @param elapsed       time since the run started
 * @param perSecond     documents settled (done or failed) per second so far
 * @param eta           estimated time left; null while there is no rate yet
 */
public record ProgressSnapshot(int selected, int done, int failed, int skipped, int inFlight, Duration elapsed,
                               double perSecond, Duration eta) {

    public int settled() {
        return done + failed + skipped;
    }

    /** Selected files not started yet. */
    public int queued() {
        return Math.max(0, selected - settled() - inFlight);
    }

    public int percent() {
        return selected == 0 ? 0 : (int) (100L * settled() / selected);
    }
}
