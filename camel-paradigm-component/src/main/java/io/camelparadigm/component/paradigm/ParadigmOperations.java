package io.camelparadigm.component.paradigm;

/** What a {@code paradigm:} producer does; the URI path names it and the CamelParadigmOperation header overrides it. */
public enum ParadigmOperations {
    upload,
    addTags,
    listFiles,
    search,
    getFile,
    listWorkspaces,
    updateFile,
    deleteFile,
    bulkDelete,
    removeTag,
    listTags
}
