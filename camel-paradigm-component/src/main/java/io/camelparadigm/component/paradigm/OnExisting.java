package io.camelparadigm.component.paradigm;

/** What {@code upload} does when a document with the same external id is already in Paradigm. */
public enum OnExisting {
    /** Upload anyway (no lookup is made). */
    upload,
    /** Do not upload: the body becomes the existing document and CamelParadigmSkipped is true. */
    skip,
    /** Fail the exchange with a ParadigmDocumentExistsException. */
    fail,
    /**
     * Replace the existing document's content in place (same id) when it changed, leave it alone when it did not;
     * CamelParadigmUploadOutcome says created, replaced or unchanged. Needs an external id.
     */
    replace
}
