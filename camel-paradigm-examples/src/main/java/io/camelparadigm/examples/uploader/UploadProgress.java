package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.camelparadigm.component.paradigm.model.FileStatus;

/**
 * The state of one upload run, fed by the scan, the uploads and the status changes, read by the progress printer,
 * the summary and the job waiting for the end. It holds counters, a few example file names per reason and the ids
 * of the documents still being processed: its memory does not grow with the number of files. Thread-safe.
 */
public final class UploadProgress {

    /** What the run did, for the final summary. {@code selected} is -1 when the folder was not counted to the end. */
    public record Summary(long selected, long excluded, Map<String, Long> processedByStatus,
                          List<ReasonTally.Group> failures, long uploadFailures, long tagsNotApplied,
                          List<ReasonTally.Group> skipped, long skippedCount, long uploaded, long stillProcessing,
                          long notAttempted, Duration elapsed, long replaced, long unchanged, long deleted,
                          long alreadyDeleted) {

        public boolean hasFailures() {
            return !failures.isEmpty();
        }
    }

    private record Terminal(String status, String detail) {
    }

    /** Terminal statuses kept for documents whose upload answer has not been read yet. */
    private static final int MAX_EARLY_TERMINALS = 10_000;
    private static final Duration RATE_WINDOW = Duration.ofSeconds(30);
    private static final Duration MIN_RATE_SPAN = Duration.ofSeconds(2);

    private final Clock clock;
    private final int maxFails;
    private final Function<String, String> relativePathOfExternalId;
    private final Instant started;

    private long counted = -1;
    private long countedExcluded;
    private long handed;
    private long scanSkipped;
    private long scanExcluded;
    private long handled;
    private boolean scanComplete;
    private boolean stopping;
    private boolean outOfMemory;
    private long uploading;
    private long uploaded;
    private long replaced;
    private long unchanged;
    private long deleted;
    private long alreadyDeleted;
    private long uploadFailures;
    private long processingFailures;
    private long tagsNotApplied;
    private long done;
    private long lastChangeMillis;
    private long uploadsFinishedMillis = -1;
    private final FileIdSet processing = new FileIdSet();
    /** Upload sessions holding documents still processing, with how many: what a reconciliation lists. */
    private final Map<String, Long> processingBySession = new HashMap<>();
    private final Map<Long, Terminal> earlyTerminal = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Terminal> eldest) {
            return size() > MAX_EARLY_TERMINALS;
        }
    };
    private final Map<String, Long> processedByStatus = new LinkedHashMap<>();
    private final ReasonTally failures = new ReasonTally();
    private final ReasonTally skipped = new ReasonTally();
    private final Deque<long[]> rateSamples = new ArrayDeque<>();

    /**
     * @param relativePathOfExternalId the file (relative path) a document's external id names, or null for a
     *                                 document this run did not upload
     */
    public UploadProgress(Clock clock, int maxFails, Function<String, String> relativePathOfExternalId) {
        this.clock = clock;
        this.maxFails = maxFails;
        this.relativePathOfExternalId = relativePathOfExternalId;
        this.started = clock.instant();
        this.lastChangeMillis = clock.millis();
    }

    /** The folder was counted ahead of the uploads: the total for the percentage and the ETA. */
    public synchronized void counted(long selectedFiles, long excludedFiles) {
        counted = selectedFiles;
        countedExcluded = excludedFiles;
    }

    /** A file the include/exclude lists left out. */
    public synchronized void excluded() {
        scanExcluded++;
    }

    /** A file the walk found and will not upload (unsupported, too large, empty, unreadable). */
    public synchronized void scanSkipped(String relativePath, SkipReason reason) {
        scanSkipped++;
        tallySkipped(relativePath, reason);
        changed();
    }

    /** The walk skipped a whole folder of {@code files} files, for {@code reason}. */
    public synchronized void scanSkippedFolder(String relativeDir, long files, SkipReason reason) {
        scanSkipped += files;
        skipped.add(reason.description(),
                (relativeDir.isEmpty() ? "." : relativeDir) + "/ (" + files + (files == 1 ? " file)" : " files)"), files);
        changed();
    }

    /** A file was queued for upload. */
    public synchronized void handed() {
        handed++;
    }

    /** The walk is over: every file it found has been queued or skipped. */
    public synchronized void scanComplete() {
        scanComplete = true;
        noteIfUploadsFinished();
        notifyAll();
    }

    /** A queued file was not uploaded, on purpose: not a failure. */
    public synchronized void skipped(String relativePath, SkipReason reason) {
        tallySkipped(relativePath, reason);
        handled++;
        changed();
    }

    /** A request for the file (its look-up or its upload) is about to be sent. */
    public synchronized void uploadStarted() {
        uploading++;
    }

    /** A look-up found the file in Paradigm: it is not uploaded, on purpose. */
    public synchronized void skippedAfterCheck(String relativePath, SkipReason reason) {
        uploading--;
        skipped(relativePath, reason);
    }

    /** Paradigm stored the document in upload session {@code sessionUuid}; it is processed from now on. */
    public synchronized void uploaded(String relativePath, long fileId, String sessionUuid, String status,
                                      String statusDetail) {
        uploaded++;
        sent(relativePath, fileId, sessionUuid, status, statusDetail, earlyTerminal.remove(fileId));
    }

    /**
     * {@code --sync}: Paradigm replaced the document's content; it is processed again from now on. A final status seen before this answer is the former content's, so it is not taken for the new one's.
     */
    public synchronized void replaced(String relativePath, long fileId, String sessionUuid, String status,
                                      String statusDetail) {
        replaced++;
        earlyTerminal.remove(fileId);
        sent(relativePath, fileId, sessionUuid, status, statusDetail, null);
    }

    /** {@code --delete-missing}: the document of a file gone from the folder could not be deleted (or read). */
    public synchronized void deleteFailed(String relativePath, String reason) {
        failures.add("delete: " + reason, relativePath);
        changed();
    }

    /** {@code --delete-missing}: the document of a file gone from the folder was deleted. */
    public synchronized void deleted() {
        deleted++;
        changed();
    }

    /** {@code --delete-missing}: the document of a file gone from the folder was no longer in Paradigm. */
    public synchronized void alreadyDeleted() {
        alreadyDeleted++;
        changed();
    }

    private void sent(String relativePath, long fileId, String sessionUuid, String status, String statusDetail,
                      Terminal early) {
        uploading--;
        handled++;
        if (FileStatus.isTerminal(status)) {
            settle(relativePath, status, statusDetail);
        } else if (early != null) {
            settle(relativePath, early.status(), early.detail());
        } else if (processing.add(fileId) && sessionUuid != null) {
            processingBySession.merge(sessionUuid, 1L, Long::sum);
        }
        changed();
    }

    /** The document was stored without the tags asked for (HTTP 207): reported, and counted towards max-fails. */
    public synchronized void storedWithoutTags(String relativePath, String message) {
        tagsNotApplied++;
        failures.add("stored without its tags (HTTP 207): " + message, relativePath);
    }

    public synchronized void uploadFailed(String relativePath, String reason) {
        uploading--;
        handled++;
        uploadFailures++;
        failures.add("upload: " + reason, relativePath);
        changed();
    }

    /**
     * A status change of any document of the workspace; documents of other runs are ignored, and a document's
     * final status is counted once however often it is reported.
     */
    public synchronized void statusChanged(long fileId, String status, String statusDetail, String externalId,
                                           String sessionUuid) {
        if (!FileStatus.isTerminal(status)) {
            return;
        }
        String relativePath = externalId == null ? null : relativePathOfExternalId.apply(externalId);
        if (processing.remove(fileId)) {
            if (sessionUuid != null) {
                processingBySession.computeIfPresent(sessionUuid, (session, count) -> count > 1 ? count - 1 : null);
            }
            settle(relativePath != null ? relativePath : "file " + fileId, status, statusDetail);
            if (processing.size() == 0) {
                processingBySession.clear();
            }
            changed();
        } else if (relativePath != null) {
            earlyTerminal.put(fileId, new Terminal(status, statusDetail));
        }
    }

    /** True once {@code --max-fails} failures happened: no new upload should start. */
    public synchronized boolean maxFailsReached() {
        return uploadFailures + tagsNotApplied >= maxFails;
    }

    /** The run is being stopped (Ctrl-C, kill): no new upload starts, the waiting ends. */
    public synchronized void interrupt() {
        stopping = true;
        notifyAll();
    }

    /** The heap ran out: the run stops as if interrupted, and says why. */
    public synchronized void outOfMemory() {
        outOfMemory = true;
        interrupt();
    }

    public synchronized boolean isStopping() {
        return stopping;
    }

    public synchronized boolean isOutOfMemory() {
        return outOfMemory;
    }

    /** Uploads started and not answered yet. */
    public synchronized long uploading() {
        return uploading;
    }

    public synchronized boolean uploadsFinished() {
        return scanComplete && handled == handed;
    }

    public synchronized boolean isFinished() {
        return uploadsFinished() && processing.size() == 0;
    }

    /** Documents uploaded whose final status is not known yet. */
    public synchronized int stillProcessing() {
        return processing.size();
    }

    /** Up to {@code max} of the documents still processing. */
    public synchronized long[] someStillProcessing(int max) {
        return processing.some(max);
    }

    /** The upload sessions of the documents still processing (as far as the answers and events named them). */
    public synchronized List<String> sessionsStillProcessing() {
        return List.copyOf(processingBySession.keySet());
    }

    /** How long since the last file to upload was settled; empty while some are still to be. */
    public synchronized Optional<Duration> sinceUploadsFinished() {
        return uploadsFinishedMillis < 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis(clock.millis() - uploadsFinishedMillis));
    }

    /** How long since a file was last settled (uploaded, skipped, failed or processed). */
    public synchronized Duration sinceLastChange() {
        return Duration.ofMillis(clock.millis() - lastChangeMillis);
    }

    /** Waits until every file the walk found is settled (uploaded, skipped, failed) or the run is stopping. */
    public synchronized void awaitUploadsFinished() throws InterruptedException {
        while (!uploadsFinished() && !stopping) {
            wait();
        }
    }

    /**
     * Waits until every document is final or the run is stopping, at most {@code timeout}.
     *
     * @return true when finished or stopping, false after the timeout
     */
    public synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFinished() && !stopping) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    public synchronized ProgressSnapshot snapshot() {
        long now = clock.millis();
        long failed = uploadFailures + processingFailures;
        long settled = done + failed + skipped.total();
        rateSamples.addLast(new long[] {now, settled});
        while (rateSamples.size() > 2 && now - rateSamples.peekFirst()[0] > RATE_WINDOW.toMillis()) {
            rateSamples.removeFirst();
        }
        long[] oldest = rateSamples.peekFirst();
        long span = now - oldest[0];
        long total = selected();
        boolean complete = total >= 0 && settled >= total;
        Duration elapsed = Duration.between(started, clock.instant());
        // a run over before the rate's shortest span shows its own average, not 0.0
        double perSecond = span >= MIN_RATE_SPAN.toMillis() ? (settled - oldest[1]) * 1000.0 / span
                : complete && !elapsed.isZero() ? settled * 1000.0 / elapsed.toMillis() : 0;
        Duration eta = complete ? Duration.ZERO : total >= 0 && perSecond > 0
                ? Duration.ofMillis((long) (Math.max(0, total - settled) / perSecond * 1000)) : null;
        return new ProgressSnapshot(selected(), done, failed, skipped.total(), uploading + processing.size(),
                elapsed, perSecond, eta);
    }

    public synchronized Summary summary() {
        long total = selected();
        long notAttempted = stopping && total >= 0
                ? Math.max(0, total - uploaded - replaced - uploadFailures - skipped.total()) : 0;
        return new Summary(total, scanComplete ? scanExcluded : countedExcluded,
                new LinkedHashMap<>(processedByStatus), failures.groups(), uploadFailures, tagsNotApplied,
                skipped.groups(), skipped.total(), uploaded, processing.size(), notAttempted,
                Duration.between(started, clock.instant()), replaced, unchanged, deleted, alreadyDeleted);
    }

    /** The files the name filter selected: known once the walk is over, counted ahead of it before; -1 if not yet. */
    private long selected() {
        return scanComplete ? scanSkipped + handed : counted;
    }

    private void tallySkipped(String relativePath, SkipReason reason) {
        skipped.add(reason.description(), relativePath);
        if (reason == SkipReason.UNCHANGED || reason == SkipReason.UNCHANGED_CONTENT) {
            unchanged++;
        }
    }

    private void settle(String relativePath, String status, String statusDetail) {
        processedByStatus.merge(status, 1L, Long::sum);
        if (FileStatus.isSuccess(status)) {
            done++;
        } else {
            processingFailures++;
            failures.add(statusDetail == null || statusDetail.isBlank() ? status : status + ": " + statusDetail,
                    relativePath);
        }
    }

    private void changed() {
        lastChangeMillis = clock.millis();
        if (uploadsFinished()) {
            noteIfUploadsFinished();
            notifyAll();
        }
    }

    private void noteIfUploadsFinished() {
        if (uploadsFinishedMillis < 0 && uploadsFinished()) {
            uploadsFinishedMillis = clock.millis();
        }
    }
}
