package io.camelparadigm.examples.uploader;

/** Why a file found in the folder was not uploaded. None of these counts as a failure. */
public enum SkipReason {
    UNSUPPORTED_EXTENSION("unsupported extension"),
    TOO_LARGE("larger than the size limit"),
    EMPTY("empty file"),
    UNREADABLE("not readable"),
    BROKEN_LINK("a symbolic link to nothing readable"),
    LINK_TO_FOLDER("a symbolic link to a folder (links to folders are not followed)"),
    NOT_A_FILE("not a regular file (a pipe, socket or device)"),
    ALREADY_UPLOADED("already uploaded (state file)"),
    UPLOADED_BEFORE_INTERRUPTION("already uploaded (an interrupted run's upload had reached Paradigm)"),
    ALREADY_IN_PARADIGM("already in Paradigm (same external id)"),
    UNCHANGED("unchanged (same size and modification time)"),
    UNCHANGED_CONTENT("unchanged (same content, another modification time)"),
    NOT_ATTEMPTED("not attempted: --max-fails reached"),
    NOT_WRITABLE("not attempted: the API key may not upload to this workspace"),
    INTERRUPTED("not attempted: the run was stopped");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
