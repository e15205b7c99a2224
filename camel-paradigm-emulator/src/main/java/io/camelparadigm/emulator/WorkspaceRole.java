package io.camelparadigm.emulator;

/** What an API key may do in one workspace: viewers read; editors and owners also upload, change and delete files. */
public enum WorkspaceRole {
    VIEWER,
    EDITOR,
    OWNER;

    boolean canWrite() {
        return this != VIEWER;
    }
}
