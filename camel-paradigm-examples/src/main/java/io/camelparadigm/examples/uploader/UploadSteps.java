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
        /** Nothing more: skipped or settled. */
        NONE
    }

    private static final String IN_FLIGHT = "ParadigmUploaderInFlight";

    private final UploadProgress progress;
    private final UploadStateFile state;
    private final OnExisting onExisting;
    private final String stateId;

    public UploadSteps(UploadProgress progress, UploadStateFile state, OnExisting onExisting) {
        this.progress = progress;
        this.state = state;
        this.onExisting = onExisting;
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
        if (progress.maxFailsReached()) {
            progress.skipped(file.relativePath(), SkipReason.NOT_ATTEMPTED);
            exchange.setProperty(ACTION, Action.NONE);
            return;
        }
        UploadStateFile.Mark mark = state.mark(file.relativePath());
        if (mark == UploadStateFile.Mark.DONE) {
            progress.skipped(file.relativePath(), SkipReason.ALREADY_UPLOADED);
            exchange.setProperty(ACTION, Action.NONE);
            return;
        }
        progress.uploadStarted();
        exchange.setProperty(IN_FLIGHT, true);
        Message message = exchange.getMessage();
        message.setHeader(ParadigmConstants.EXTERNAL_ID, file.path().toUri().toString());
        message.setHeader(ParadigmConstants.EXTERNAL_FULL_PATH, file.path().toString());
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, Map.of(STATE_ID_METADATA, stateId));
        if (mark == UploadStateFile.Mark.STARTED || onExisting == OnExisting.fail) {
            // listFiles filters on the Filter headers only: without it the look-up would list the whole workspace
            message.setHeader(ParadigmConstants.FILTER_EXTERNAL_ID, file.path().toUri().toString());
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
        if (found.stream().anyMatch(this::uploadedByThisState)) {
            state.done(file.relativePath());
            progress.skippedAfterCheck(file.relativePath(), SkipReason.UPLOADED_BEFORE_INTERRUPTION);
            exchange.setProperty(ACTION, Action.NONE);
        } else if (!found.isEmpty() && onExisting == OnExisting.skip) {
            state.done(file.relativePath());
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
        state.done(file.relativePath());
        ParadigmFile document = message.getBody(ParadigmFile.class);
        progress.uploaded(file.relativePath(), message.getHeader(ParadigmConstants.FILE_ID, Long.class),
                message.getHeader(ParadigmConstants.UPLOAD_SESSION_UUID, String.class),
                document == null || document.createdAt() == null ? null : document.createdAt().toInstant(),
                message.getHeader(ParadigmConstants.STATUS, String.class),
                message.getHeader(ParadigmConstants.STATUS_DETAIL, String.class));
        if (Boolean.FALSE.equals(message.getHeader(ParadigmConstants.TAGS_APPLIED, Boolean.class))) {
            progress.storedWithoutTags(file.relativePath(), message.getHeader(ParadigmConstants.MESSAGE, String.class));
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

    private void startUpload(Exchange exchange, ScannedFile file) {
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
