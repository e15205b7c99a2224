package io.camelparadigm.examples.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one uploader did in a run, as printed.
 *
 * @param megabytesPerSecond file bytes uploaded per second, in MiB
 * @param uploadRequests upload requests the emulator received (every try, answered or not)
 * @param retries        upload requests beyond one per file
 * @param lookups        look-ups by external id before re-sending (the component's duplicate check)
 * @param stored         documents the emulator stored for the run
 * @param duplicates     files stored more than once (by content hash)
 * @param missing        files not stored at all
 * @param concurrencyLimitAtEnd the component's adaptive limit of requests in flight at the end (AIMD on 429s)
 * @param peakHeapMb     the JVM's peak heap during the run (the in-process emulator included)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunFigures(String uploader, double seconds, double filesPerSecond, double megabytesPerSecond,
                         double p50Ms, double p99Ms,
                         int uploadRequests, int retries, int lookups, int failures, String firstFailure, int stored,
                         int distinctExternalIds, int duplicates, int missing, Integer concurrencyLimitAtEnd,
                         long peakHeapMb) {

    private static final long MEGABYTE = 1024 * 1024;

    static RunFigures of(String uploader, int files, long fileSize, long elapsedNanos, UploadTally tally,
                         int uploadRequests, int lookups, StoredDocuments stored, long peakHeapBytes) {
        double seconds = elapsedNanos / 1e9;
        return new RunFigures(uploader, round(seconds), round(files / seconds),
                round(files * (double) fileSize / MEGABYTE / seconds), round(tally.percentileMillis(50)),
                round(tally.percentileMillis(99)), uploadRequests, Math.max(0, uploadRequests - files), lookups,
                tally.failures(), tally.firstFailure(), stored.documents(), stored.distinctExternalIds(),
                stored.duplicates(), files - stored.distinctContents(), tally.concurrencyLimit(),
                peakHeapBytes / MEGABYTE);
    }

    /** Every file stored exactly once and no upload reported as failed. */
    boolean allStoredOnce(int files) {
        return failures == 0 && duplicates == 0 && missing == 0 && stored == files;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
