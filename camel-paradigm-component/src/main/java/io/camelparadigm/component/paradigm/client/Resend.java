package io.camelparadigm.component.paradigm.client;

/** Whether a request may be sent again after a failure, given what it does and what its body is. */
enum Resend {

    /** Reads, and writes whose repetition changes nothing (adding tags): re-sent after any retryable failure. */
    ALWAYS,

    /**
     * An upload with an external id: after a failure that may have reached the server (no answer, 502, 504) the
     * external id is looked up first, and a document found is the answer; otherwise it is re-sent.
     */
    AFTER_LOOKUP,

    /**
     * An upload without an external id: re-sent only when it surely did not reach the server (the connection could
     * not be opened, 429, 503), since a second copy of the document could not be told apart from the first.
     */
    ONLY_IF_NOT_RECEIVED,

    /** A one-shot stream body: whatever was read of it is gone, so it is never sent twice. */
    NEVER
}
