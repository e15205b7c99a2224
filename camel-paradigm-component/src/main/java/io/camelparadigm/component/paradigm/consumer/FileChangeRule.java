package io.camelparadigm.component.paradigm.consumer;

import java.util.Objects;
import java.util.Set;

import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * fileEvents' options as a rule: which listed files carry a change since the last delivered mark
 * (includeStatusVisionChanges), and which changes become exchanges (statuses, terminalOnly).
 */
final class FileChangeRule {

    private final Set<String> statuses;
    private final boolean terminalOnly;
    private final boolean visionChangesCount;

    FileChangeRule(String statuses, boolean terminalOnly, boolean visionChangesCount) {
        this.statuses = EventSelection.statuses(statuses);
        this.terminalOnly = terminalOnly;
        this.visionChangesCount = visionChangesCount;
    }

    static FileChangeRule of(ParadigmConfiguration configuration) {
        return new FileChangeRule(configuration.getStatuses(), configuration.isTerminalOnly(),
                configuration.isIncludeStatusVisionChanges());
    }

    /** True on first sight and when the file differs from what was last delivered for it. */
    boolean isChange(FileMark last, ParadigmFile file) {
        if (last == null) {
            return true;
        }
        return !Objects.equals(last.status(), file.status())
               || visionChangesCount && !Objects.equals(last.statusVision(), file.statusVision());
    }

    /** True when the change is emitted; others are only remembered. */
    boolean isEmitted(ParadigmFile file) {
        if (terminalOnly && !FileStatus.isTerminal(file.status())) {
            return false;
        }
        return statuses.isEmpty() || statuses.contains(file.status());
    }
}
