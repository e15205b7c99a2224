package io.camelparadigm.examples.uploader;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.client.ParadigmException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The steps around one file's upload: decide whether to send it, then record the outcome in the progress and in
 * the state file.
 *
 * <p>The state file is written here, after the service accepted the document, rather than by Camel's
 * idempotentConsumer EIP: the key must be stored only once the upload succeeded (so an interruption never marks a
 * file that was not sent) and at once (so an interruption keeps everything sent so far), and a handled failure
 * must not store it.
 */
public final class UploadSteps {

    /** Exchange property: true when the file should be uploaded. */
    public static final String SEND = "ParadigmUploaderSend";

    private final UploadProgress progress;
    private final IdempotentRepository state;

    public UploadSteps(UploadProgress progress, IdempotentRepository state) {
        this.progress = progress;
        this.state = state;
    }

    /** Body in: a {@link ScannedFile}; body out: its path, with the document's metadata headers. */
    public void prepare(Exchange exchange) {
        ScannedFile file = exchange.getMessage().getBody(ScannedFile.class);
        exchange.setProperty(ScannedFile.class.getName(), file);
        if (progress.isInterrupted()) {
            progress.skipped(file.relativePath(), SkipReason.INTERRUPTED);
            exchange.setProperty(SEND, false);
            return;
        }
        if (progress.maxFailsReached()) {
            progress.skipped(file.relativePath(), SkipReason.NOT_ATTEMPTED);
            exchange.setProperty(SEND, false);
            return;
        }
        if (state.contains(file.relativePath())) {
            progress.skipped(file.relativePath(), SkipReason.ALREADY_UPLOADED);
            exchange.setProperty(SEND, false);
            return;
        }
        progress.uploadStarted();
        exchange.setProperty(SEND, true);
        Message message = exchange.getMessage();
        message.setHeader(ParadigmConstants.EXTERNAL_ID, file.path().toUri().toString());
        message.setHeader(ParadigmConstants.EXTERNAL_FULL_PATH, file.path().toString());
        message.setBody(file.path());
    }

    public void uploaded(Exchange exchange) {
        ScannedFile file = scannedFile(exchange);
        Message message = exchange.getMessage();
        state.add(file.relativePath());
        if (Boolean.TRUE.equals(message.getHeader(ParadigmConstants.SKIPPED, Boolean.class))) {
            progress.uploadSkipped(file.relativePath(), SkipReason.ALREADY_IN_PARADIGM);
            return;
        }
        progress.uploaded(file.relativePath(), message.getHeader(ParadigmConstants.FILE_ID, Long.class),
                message.getHeader(ParadigmConstants.STATUS, String.class),
                message.getHeader(ParadigmConstants.STATUS_DETAIL, String.class));
    }

    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        progress.uploadFailed(scannedFile(exchange).relativePath(), reason(failure));
    }

    /** A short reason for the summary; failures with the same cause read the same so they group. */
    static String reason(Throwable failure) {
        if (failure instanceof ParadigmException paradigm) {
            // the message starts with the operation ("upload: HTTP 403 ..."), which the summary already says
            String prefix = paradigm.getOperation() + ": ";
            String message = String.valueOf(paradigm.getMessage());
            return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        }
        return failure == null ? "unknown error" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static ScannedFile scannedFile(Exchange exchange) {
        return exchange.getProperty(ScannedFile.class.getName(), ScannedFile.class);
    }
}
