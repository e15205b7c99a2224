package io.camelparadigm.examples.uploader;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;

/**
 * Whether the API key may upload to the workspace. The API does not say before an upload: {@code GET /api/v3/workspaces}
 * lists the workspaces a key can see with no role, and a viewer sees the workspace it may not write to. So the run's
 * first upload goes alone and tells: the others wait for its answer, and a {@code 403} (then or later) stops every
 * upload not sent yet. A read-only workspace is then one failed upload, not one per concurrent upload. Thread-safe.
 */
public final class WriteAccess {

    private boolean confirmed;
    private boolean probing;
    private String refusal;

    /**
     * Called before an upload is sent; while no upload has been accepted yet, waits for the one in flight.
     *
     * @return true to send it (then report {@link #accepted}, {@link #wroteNothing} or {@link #failed}), false once an
     *         upload was refused
     */
    synchronized boolean awaitTurn() throws InterruptedException {
        while (!confirmed && probing && refusal == null) {
            wait();
        }
        if (refusal != null) {
            return false;
        }
        probing = !confirmed;
        return true;
    }

    /** Paradigm stored an upload of this run: the key may write, uploads go out together from now on. */
    synchronized void accepted() {
        confirmed = true;
        probing = false;
        notifyAll();
    }

    /** An upload sent after {@link #awaitTurn} found nothing to write (same content): it tells nothing. */
    synchronized void wroteNothing() {
        probing = false;
        notifyAll();
    }

    /** An upload sent after {@link #awaitTurn} failed; a {@code 403} means the key may not write to the workspace. */
    synchronized void failed(Throwable failure) {
        if (failure instanceof ParadigmApiException api && api.getHttpStatus() == 403 && refusal == null) {
            refusal = UploadSteps.reason(failure);
        }
        probing = false;
        notifyAll();
    }

    /** The answer of the upload Paradigm refused for lack of permission, or null. */
    synchronized String refusal() {
        return refusal;
    }
}
