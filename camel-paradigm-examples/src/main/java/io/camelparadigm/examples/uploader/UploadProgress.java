package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.camelparadigm.component.paradigm.model.FileStatus;

/**
 * The state of one upload run, fed by the routes (scan, upload, status changes) and read by the progress printer
 * and the summary. Thread-safe: uploads run concurrently and status changes arrive on the consumer's thread.
 */
public final class UploadProgress {

    /** A document that failed, at upload or during processing. */
    public record Failure(String relativePath, String reason) {
    }

    /** What the run did, for the final summary. */
    public record Summary(int selected, int excluded, Map<String, Integer> processedByStatus, List<Failure> failures,
                          List<SkippedFile> skipped, int uploaded, int stillInFlight, Duration elapsed) {
    }

    private record Terminal(String status, String detail) {
    }

    private final Clock clock;
    private Instant started;
    private final int maxFails;
    private final CountDownLatch finished = new CountDownLatch(1);

    private int selected;
    private int excluded;
    private boolean uploadsComplete;
    private boolean interrupted;
    private int uploading;
    private int uploaded;
    private int uploadFailures;
    private final Map<Long, String> processing = new HashMap<>();
    /** Terminal statuses seen before the upload answer named the file id (the consumer can be quicker). */
    private final Map<Long, Terminal> earlyTerminal = new HashMap<>();
    private final Map<String, Integer> processedByStatus = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();

    public UploadProgress(Clock clock, int maxFails) {
        this.clock = clock;
        this.started = clock.instant();
        this.maxFails = maxFails;
    }

    /** The folder was scanned: the run's clock (rate, ETA, elapsed) starts now. */
    public synchronized void scanned(ScanResult scan) {
        started = clock.instant();
        selected = scan.selected();
        excluded = scan.excluded();
        skipped.addAll(scan.skipped());
    }

    public synchronized void skipped(String relativePath, SkipReason reason) {
        skipped.add(new SkippedFile(relativePath, reason));
    }

    public synchronized void uploadStarted() {
        uploading++;
    }

    /** The service accepted the document; it is processed from now on. */
    public synchronized void uploaded(String relativePath, long fileId, String status, String statusDetail) {
        uploading--;
        uploaded++;
        Terminal early = earlyTerminal.remove(fileId);
        if (FileStatus.isTerminal(status)) {
            settle(relativePath, status, statusDetail);
        } else if (early != null) {
            settle(relativePath, early.status(), early.detail());
        } else {
            processing.put(fileId, relativePath);
        }
        checkFinished();
    }

    /** The upload is over without a document: skipped on purpose, not a failure. */
    public synchronized void uploadSkipped(String relativePath, SkipReason reason) {
        uploading--;
        skipped.add(new SkippedFile(relativePath, reason));
        checkFinished();
    }

    public synchronized void uploadFailed(String relativePath, String reason) {
        uploading--;
        uploadFailures++;
        failures.add(new Failure(relativePath, "upload: " + reason));
        checkFinished();
    }

    /** A status change of any file of the workspace; files of other runs are ignored. */
    public synchronized void statusChanged(long fileId, String status, String statusDetail) {
        if (!FileStatus.isTerminal(status)) {
            return;
        }
        String relativePath = processing.remove(fileId);
        if (relativePath == null) {
            earlyTerminal.put(fileId, new Terminal(status, statusDetail));
            return;
        }
        settle(relativePath, status, statusDetail);
        checkFinished();
    }

    /** Every selected file has been handed to an upload (or skipped): the run ends when processing does. */
    public synchronized void uploadsComplete() {
        uploadsComplete = true;
        checkFinished();
    }

    /** True once {@code --max-fails} upload failures happened: no new upload should start. */
    public synchronized boolean maxFailsReached() {
        return uploadFailures >= maxFails;
    }

    /** The run is being stopped (Ctrl-C): no new upload should start. */
    public synchronized void interrupt() {
        interrupted = true;
        finished.countDown();
    }

    public synchronized boolean isInterrupted() {
        return interrupted;
    }

    /** Uploads started and not answered yet. */
    public synchronized int uploading() {
        return uploading;
    }

    public synchronized boolean hasFailures() {
        return !failures.isEmpty();
    }

    public synchronized boolean isFinished() {
        return uploadsComplete && uploading == 0 && processing.isEmpty();
    }

    /** The ids of uploaded documents not processed yet. */
    public synchronized List<Long> processingIds() {
        return List.copyOf(processing.keySet());
    }

    /** Waits until every document is final, or the run is interrupted; false after the timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized ProgressSnapshot snapshot() {
        Duration elapsed = Duration.between(started, clock.instant());
        int done = processedByStatus.entrySet().stream()
                .filter(entry -> FileStatus.isSuccess(entry.getKey()))
                .mapToInt(Map.Entry::getValue).sum();
        int failed = failures.size();
        double seconds = elapsed.toMillis() / 1000.0;
        double perSecond = seconds > 0 ? (done + failed) / seconds : 0;
        int remaining = Math.max(0, selected - done - failed - skipped.size());
        Duration eta = perSecond > 0 ? Duration.ofMillis((long) (remaining / perSecond * 1000)) : null;
        return new ProgressSnapshot(selected, done, failed, skipped.size(), uploading + processing.size(), elapsed,
                perSecond, eta);
    }

    public synchronized Summary summary() {
        return new Summary(selected, excluded, new LinkedHashMap<>(processedByStatus), List.copyOf(failures),
                List.copyOf(skipped), uploaded, processing.size(), Duration.between(started, clock.instant()));
    }

    private void settle(String relativePath, String status, String statusDetail) {
        processedByStatus.merge(status, 1, Integer::sum);
        if (FileStatus.isFailure(status)) {
            failures.add(new Failure(relativePath, statusDetail == null || statusDetail.isBlank()
                    ? status : status + ": " + statusDetail));
        }
    }

    private void checkFinished() {
        if (isFinished()) {
            finished.countDown();
        }
    }
}
