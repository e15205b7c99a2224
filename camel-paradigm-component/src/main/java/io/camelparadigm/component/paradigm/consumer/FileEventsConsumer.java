package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;

/**
 * {@code paradigm:fileEvents}: one exchange per observed status change of a file, oldest change first. A file's
 * new status is remembered only when its exchange completed; a failed exchange is offered again on the next
 * poll, and the watermark never passes a change that is not completed.
 */
public class FileEventsConsumer extends ParadigmPollingConsumer {

    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final FileChangeRule rule;
    private volatile boolean polling;

    public FileEventsConsumer(ParadigmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.rule = FileChangeRule.of(endpoint.getConfiguration());
    }

    @Override
    int pollChanges() throws Exception {
        ConsumerState state = state();
        List<ParadigmFile> files = changedFiles().since(state.listingStart(overlap()));
        Instant newestDone = null;
        Instant oldestOpen = null;
        int emitted = 0;
        polling = true;
        try {
            for (ParadigmFile file : files) {
                Instant updatedAt = ChangedFiles.updatedAt(file);
                if (!isRunAllowed()) {
                    // stopping: what is left waits for the next start
                    oldestOpen = earliest(oldestOpen, updatedAt);
                    break;
                }
                FileMark last = state.mark(file.id());
                boolean done = true;
                if (rule.isChange(last, file)) {
                    if (inFlight.contains(file.id())) {
                        done = false; // an older change of this file is still being processed
                    } else if (rule.isEmitted(file)) {
                        done = emit(file, last);
                        emitted++;
                    } else {
                        state.commit(file.id(), FileMark.of(file));
                    }
                }
                if (done) {
                    newestDone = ChangedFiles.latest(newestDone, updatedAt);
                } else {
                    oldestOpen = earliest(oldestOpen, updatedAt);
                }
            }
        } finally {
            polling = false;
        }
        state.advanceWatermark(oldestOpen == null ? newestDone : earliest(newestDone, oldestOpen), overlap());
        return emitted;
    }

    /** Processes the change; true when its exchange completed (and the file's new status was remembered). */
    private boolean emit(ParadigmFile file, FileMark last) throws Exception {
        Exchange exchange = createExchange(true);
        Message message = exchange.getMessage();
        message.setBody(file);
        message.setHeader(ParadigmConstants.FILE_ID, file.id());
        message.setHeader(ParadigmConstants.STATUS, file.status());
        if (last != null) {
            message.setHeader(ParadigmConstants.PREVIOUS_STATUS, last.status());
        }
        message.setHeader(ParadigmConstants.STATUS_VISION, file.statusVision());
        message.setHeader(ParadigmConstants.STATUS_DETAIL, file.statusDetail());
        message.setHeader(ParadigmConstants.UPLOAD_SESSION_UUID, file.uploadSessionUuid());
        message.setHeader(ParadigmConstants.EXTERNAL_ID, file.externalId());
        message.setHeader(ParadigmConstants.TERMINAL, FileStatus.isTerminal(file.status()));

        AtomicBoolean completed = new AtomicBoolean();
        FileMark next = FileMark.of(file);
        inFlight.add(file.id());
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                state().commit(file.id(), next);
                inFlight.remove(file.id());
                completed.set(true);
                if (!polling) {
                    saveState();
                }
            }

            @Override
            public void onFailure(Exchange failed) {
                inFlight.remove(file.id());
            }
        });
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing the status change of Paradigm file " + file.id(),
                    exchange, exchange.getException());
        }
        return completed.get();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
