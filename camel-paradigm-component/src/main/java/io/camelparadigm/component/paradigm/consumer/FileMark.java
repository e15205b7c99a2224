package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;

import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** What the consumer last delivered (and saw completed) for one file. */
public record FileMark(String status, String statusVision, Instant updatedAt) {

    static FileMark of(ParadigmFile file) {
        return new FileMark(file.status(), file.statusVision(), ChangedFiles.updatedAt(file));
    }

    boolean terminal() {
        return FileStatus.isTerminal(status);
    }
}
