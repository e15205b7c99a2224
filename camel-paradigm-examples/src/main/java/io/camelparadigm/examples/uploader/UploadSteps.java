package io.camelparadigm.examples.uploader;

import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.OnExisting;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.client.ParadigmException;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The steps around one file's upload: decide from the state file whether to send it, look it up first when its
 * outcome is unknown, and record the outcome in the state file and the progress.
 *
 * <p>The state file is the journal: a file is marked <em>started</em> before its upload is sent and <em>done</em>
 * once Paradigm stored it. A file marked done is skipped without a request. A file marked started and not done is
 * one whose earlier upload was cut short (a crash, a kill, a failure): it is looked up by external id once, and a
 * document found carrying this state's id in its metadata is that earlier upload, so it is not sent again, whatever
 * {@code --on-existing} says. Every other file is uploaded without a look-up, except with
 * {@code --on-existing=fail}, whose purpose is to find documents already there.
 *
 * <p>With {@code --sync}, a file marked done keeps the size and modification time it was sent with: the same ones
 * mean unchanged (answered by the walk, no request, the file not read); other ones make it a candidate, sent to
 * {@code upload?onExisting=replace} with the SHA-256 of its content as {@code CamelParadigmContentHash}, which
 * replaces the document in place only when that differs from the hash stored with it. A new file is uploaded
 * without a look-up, its hash stored with it. A file marked started goes the way of a candidate: the look-up of
 * the replacement finds what the interrupted run stored, and its hash tells whether it is this content. So a
 * killed sync run, run again, neither uploads nor replaces anything twice.
 */
public final class UploadSteps {

    /** Exchange property: what to do with the file next, an {@link Action}. */
    public static final String ACTION = "ParadigmUploaderAction";
    /** The key of {@code additional_metadata} holding the id of the state file whose run uploaded the document. */
    public static final String STATE_ID_METADATA = "paradigm_uploader_state";

    /** What to do with a file. */
    public enum Action {
        /** Look it up by external id first. */
        CHECK,
        /** Upload it. */
        UPLOAD,
        /** {@code --sync}: upload it with {@code onExisting=replace}, which replaces it if its content changed. */
        REPLACE,
        /** Nothing more: skipped or settled. */
        NONE
    }

    private static final String IN_FLIGHT = "ParadigmUploaderInFlight";
    private static final String MARK = "ParadigmUploaderMark";
    private static final String DONE = "ParadigmUploaderDone";
    private static final String TURN = "ParadigmUploaderTurn";

    private final UploadProgress progress;
    private final UploadStateFile state;
    private final OnExisting onExisting;
    private final boolean sync;
    private final String stateId;
    private final WriteAccess writeAccess;

    public UploadSteps(UploadProgress progress, UploadStateFile state, OnExisting onExisting, boolean sync,
                       WriteAccess writeAccess) {
        this.progress = progress;
        this.writeAccess = writeAccess;
        this.state = state;
        this.onExisting = onExisting;
        this.sync = sync;
        this.stateId = state.id().toString();
    }

    /** Body in: a {@link ScannedFile}; sets {@link #ACTION}, and the metadata headers of the upload. */
    public void prepare(Exchange exchange) {
        ScannedFile file = exchange.getMessage().getBody(ScannedFile.class);
        exchange.setProperty(ScannedFile.class.getName(), file);
        if (progress.isStopping()) {
            progress.skipped(file.relativePath(), SkipReason.INTERRUPTED);
            exchange.setProperty(ACTION, Action.NONE);
            return;
        }
        SkipReason notStarting = notStarting();
        if (notStarting != null) {
            progress.skipped(file.relativePath(), notStarting);
            exchange.setProperty(ACTION, Action.NONE);
            return;
        }
        UploadStateFile.Mark mark = sync ? state.mark(file.relativePath(), file.size(), file.modified())
                : state.mark(file.relativePath());
        if (mark == UploadStateFile.Mark.DONE) {
            progress.skipped(file.relativePath(), sync ? SkipReason.UNCHANGED : SkipReason.ALREADY_UPLOADED);
            exchange.setProperty(DONE, true);
            exchange.setProperty(ACTION, Action.NONE);
            return;
        }
        progress.uploadStarted();
        exchange.setProperty(IN_FLIGHT, true);
        exchange.setProperty(MARK, mark);
        Message message = exchange.getMessage();
        String externalId = file.path().toUri().toString();
        message.setHeader(ParadigmConstants.EXTERNAL_ID, externalId);
        message.setHeader(ParadigmConstants.EXTERNAL_FULL_PATH, file.path().toString());
        if (sync) {
            String version = ContentHash.of(file.path());
            message.setHeader(ParadigmConstants.CONTENT_HASH, version);
            // onExisting=replace records it itself; a new file's plain upload must carry it for the next comparison
            message.setHeader(ParadigmConstants.ADDITIONAL_METADATA,
                    Map.of(STATE_ID_METADATA, stateId, ContentHash.METADATA_KEY, version));
            if (mark == UploadStateFile.Mark.NONE) {
                startUpload(exchange, file);
            } else if (takeTurn(exchange, file)) {
                exchange.setProperty(ACTION, Action.REPLACE);
                message.setBody(file.path());
            }
            return;
        }
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, Map.of(STATE_ID_METADATA, stateId));
        if (mark == UploadStateFile.Mark.STARTED || onExisting == OnExisting.fail) {
            // listFiles filters on the Filter headers only: without it the look-up would list the whole workspace
            message.setHeader(ParadigmConstants.FILTER_EXTERNAL_ID, externalId);
            exchange.setProperty(ACTION, Action.CHECK);
        } else {
            startUpload(exchange, file);
        }
    }

    /** Body in: the documents Paradigm holds with the file's external id (the look-up's answer). */
    public void checked(Exchange exchange) {
        ScannedFile file = scannedFile(exchange);
        @SuppressWarnings("unchecked")
        List<ParadigmFile> found = exchange.getMessage().getBody(List.class);
        ParadigmFile earlier = found.stream().filter(this::uploadedByThisState).findFirst().orElse(null);
        if (earlier != null) {
            markDone(exchange, file, earlier.id());
            progress.skippedAfterCheck(file.relativePath(), SkipReason.UPLOADED_BEFORE_INTERRUPTION);
            exchange.setProperty(ACTION, Action.NONE);
        } else if (!found.isEmpty() && onExisting == OnExisting.skip) {
            markDone(exchange, file, found.get(0).id());
            progress.skippedAfterCheck(file.relativePath(), SkipReason.ALREADY_IN_PARADIGM);
            exchange.setProperty(ACTION, Action.NONE);
        } else if (!found.isEmpty() && onExisting == OnExisting.fail) {
            progress.uploadFailed(file.relativePath(), "already in Paradigm as document " + found.get(0).id()
                                                       + " (--on-existing=fail)");
            exchange.setProperty(ACTION, Action.NONE);
        } else {
            startUpload(exchange, file);
        }
    }

    /** Paradigm stored the document: the state file records it at once, so an interruption keeps it. */
    public void uploaded(Exchange exchange) {
        ScannedFile file = scannedFile(exchange);
        Message message = exchange.getMessage();
        long fileId = message.getHeader(ParadigmConstants.FILE_ID, Long.class);
        markDone(exchange, file, fileId);
        writeAccess.accepted();
        progress.uploaded(file.relativePath(), fileId,
                message.getHeader(ParadigmConstants.UPLOAD_SESSION_UUID, String.class),
                message.getHeader(ParadigmConstants.STATUS, String.class),
                message.getHeader(ParadigmConstants.STATUS_DETAIL, String.class));
        if (Boolean.FALSE.equals(message.getHeader(ParadigmConstants.TAGS_APPLIED, Boolean.class))) {
            progress.storedWithoutTags(file.relativePath(), message.getHeader(ParadigmConstants.MESSAGE, String.class));
        }
    }

    /**
     * {@code --sync}: the answer of {@code upload?onExisting=replace} for a changed file, or one whose earlier upload
     * was cut short. The state file records the file as sent, with its size and time, once Paradigm holds it.
     */
    public void replaced(Exchange exchange) {
        ScannedFile file = scannedFile(exchange);
        Message message = exchange.getMessage();
        ParadigmFile document = message.getBody(ParadigmFile.class);
        String outcome = message.getHeader(ParadigmConstants.UPLOAD_OUTCOME, String.class);
        markDone(exchange, file, document.id());
        if (outcome.equals("unchanged")) {
            writeAccess.wroteNothing(); // read access was enough: the next upload still goes alone
        } else {
            writeAccess.accepted();
        }
        switch (outcome) {
            case "created" -> uploaded(exchange);
            case "replaced" -> progress.replaced(file.relativePath(), document.id(),
                    message.getHeader(ParadigmConstants.UPLOAD_SESSION_UUID, String.class), document.status(),
                    document.statusDetail());
            default -> progress.skippedAfterCheck(file.relativePath(),
                    exchange.getProperty(MARK) == UploadStateFile.Mark.STARTED
                            ? SkipReason.UPLOADED_BEFORE_INTERRUPTION : SkipReason.UNCHANGED_CONTENT);
        }
    }

    /**
     * The look-up or the upload failed. The file stays marked started, so the next run looks it up before sending
     * it again: a failure after the request left may have stored it.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (isOutOfMemory(failure)) {
            progress.outOfMemory();
        }
        if (exchange.getProperty(TURN, false, Boolean.class)) {
            writeAccess.failed(failure);
        }
        ScannedFile file = scannedFile(exchange);
        String path = file == null ? "?" : file.relativePath();
        if (!exchange.getProperty(IN_FLIGHT, false, Boolean.class)) {
            progress.uploadStarted(); // it failed before any request: counted as one that ended at once
        }
        progress.uploadFailed(path, reason(failure));
    }

    /**
     * A short reason for the summary; failures with the same cause read the same so they group (a request's query
     * string, which names the file, is left out).
     */
    static String reason(Throwable failure) {
        if (failure instanceof ParadigmException paradigm) {
            // the message starts with the operation ("upload: HTTP 403 ..."), which the summary already says
            String prefix = paradigm.getOperation() + ": ";
            String message = String.valueOf(paradigm.getMessage());
            return (message.startsWith(prefix) ? message.substring(prefix.length()) : message)
                    .replaceAll("\\?[^\\s:]*", "");
        }
        return failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    static boolean isOutOfMemory(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** True once the state file records the exchange's file as done (uploaded, found, or done before). */
    static boolean isDone(Exchange exchange) {
        return exchange.getProperty(DONE, false, Boolean.class);
    }

    private void markDone(Exchange exchange, ScannedFile file, long documentId) {
        state.done(file.relativePath(), file.size(), file.modified(), documentId);
        exchange.setProperty(DONE, true);
    }

    /** Why no new upload may start (the workspace refused one, or {@code --max-fails} is reached), or null. */
    SkipReason notStarting() {
        return writeAccess.refusal() != null ? SkipReason.NOT_WRITABLE
                : progress.maxFailsReached() ? SkipReason.NOT_ATTEMPTED : null;
    }

    /**
     * Waits while the run's first upload is out ({@link WriteAccess}); false, the file not attempted, once Paradigm
     * refused an upload for lack of permission (or the wait was interrupted).
     */
    private boolean takeTurn(Exchange exchange, ScannedFile file) {
        boolean turn;
        try {
            turn = writeAccess.awaitTurn();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            progress.skippedAfterCheck(file.relativePath(),
                    writeAccess.refusal() != null ? SkipReason.NOT_WRITABLE : SkipReason.INTERRUPTED);
            exchange.setProperty(ACTION, Action.NONE);
            return false;
        }
        exchange.setProperty(TURN, true);
        return true;
    }

    private void startUpload(Exchange exchange, ScannedFile file) {
        if (!takeTurn(exchange, file)) {
            return;
        }
        state.started(file.relativePath());
        exchange.setProperty(ACTION, Action.UPLOAD);
        exchange.getMessage().setBody(file.path());
    }

    private boolean uploadedByThisState(ParadigmFile document) {
        ExternalMetadata metadata = document.externalMetadata();
        return metadata != null && metadata.additionalMetadata() != null
               && stateId.equals(metadata.additionalMetadata().get(STATE_ID_METADATA));
    }

    private static ScannedFile scannedFile(Exchange exchange) {
        return exchange.getProperty(ScannedFile.class.getName(), ScannedFile.class);
    }
}
