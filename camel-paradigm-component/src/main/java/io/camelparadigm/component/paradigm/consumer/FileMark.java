package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.Set;

import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** What the consumer last delivered (and saw completed) for one file. */
public record FileMark(String status, String statusVision, Instant updatedAt) {

    /** status_vision values after which vision processing still changes the file (and its updated_at). */
    private static final Set<String> VISION_IN_PROGRESS = Set.of("pending", "processing");

    static FileMark of(ParadigmFile file) {
        return new FileMark(file.status(), file.statusVision(), ChangedFiles.updatedAt(file));
    }

    /**
     * True when the file is done with processing (final status, vision not in progress) and its last change is older
     * than {@code horizon}: no listing from there on returns it, unless someone edits it.
     */
    boolean isFinishedBefore(Instant horizon) {
        return FileStatus.isTerminal(status) && !VISION_IN_PROGRESS.contains(statusVision)
               && updatedAt != null && updatedAt.isBefore(horizon);
    }
}
