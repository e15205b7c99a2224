package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * The rolled-up outcome of one upload session, the body of {@code paradigm:sessionEvents} exchanges.
 *
 * @param uploadSessionUuid the session
 * @param status            COMPLETED (every file succeeded), PARTIAL (some failed), FAILED (all failed), or
 *                          PROCESSING (some still in progress; only with emitProgress)
 * @param total             files in the session
 * @param succeeded         files that reached embedded or parsed
 * @param failed            files that reached parsing_failed, embedding_failed or fail
 * @param inProgress        files not yet terminal
 * @param failedFiles       the failed files, with the service's status_detail
 * @param fileIds           every file id, ascending
 * @param lastUpdate        the newest updated_at among the files
 */
public record UploadSessionSummary(String uploadSessionUuid, Status status, int total, int succeeded, int failed,
                                   int inProgress, List<FailedFile> failedFiles, List<Long> fileIds,
                                   Instant lastUpdate) {

    public enum Status {
        PROCESSING,
        COMPLETED,
        PARTIAL,
        FAILED
    }

    /** A file of the session that failed, and why. */
    public record FailedFile(long id, String filename, String status, String statusDetail) {
    }

    public UploadSessionSummary {
        failedFiles = List.copyOf(failedFiles);
        fileIds = List.copyOf(fileIds);
    }

    /** Rolls up the files of one session. */
    public static UploadSessionSummary of(String uploadSessionUuid, List<ParadigmFile> files) {
        int succeeded = 0;
        int failed = 0;
        Instant lastUpdate = null;
        for (ParadigmFile file : files) {
            if (FileStatus.isSuccess(file.status())) {
                succeeded++;
            } else if (FileStatus.isFailure(file.status())) {
                failed++;
            }
            Instant updatedAt = ChangedFiles.updatedAt(file);
            if (updatedAt != null && (lastUpdate == null || updatedAt.isAfter(lastUpdate))) {
                lastUpdate = updatedAt;
            }
        }
        int inProgress = files.size() - succeeded - failed;
        Status status = inProgress > 0 ? Status.PROCESSING
                : failed == 0 ? Status.COMPLETED
                : succeeded == 0 ? Status.FAILED
                : Status.PARTIAL;
        List<FailedFile> failedFiles = files.stream()
                .filter(file -> FileStatus.isFailure(file.status()))
                .sorted(Comparator.comparingLong(ParadigmFile::id))
                .map(file -> new FailedFile(file.id(), file.filename(), file.status(), file.statusDetail()))
                .toList();
        List<Long> ids = files.stream().map(ParadigmFile::id).sorted().toList();
        return new UploadSessionSummary(uploadSessionUuid, status, files.size(), succeeded, failed, inProgress,
                failedFiles, ids, lastUpdate);
    }

    public boolean isClosed() {
        return status != Status.PROCESSING;
    }
}
