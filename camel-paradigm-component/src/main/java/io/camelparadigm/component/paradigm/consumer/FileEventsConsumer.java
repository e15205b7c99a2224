package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;

/**
 * {@code paradigm:fileEvents}: one exchange per observed status change of a file, a file's changes oldest first. A
 * file's new status is remembered only when its exchange completed. Until then the file is "undelivered" in the
 * state: after a failure (or a crash) the next poll reads it again ({@code GET /files/{id}}) and offers its status
 * then; the listing itself never waits for it.
 */
public class FileEventsConsumer extends ParadigmPollingConsumer {

    /** Files whose exchange is in flight, with the change it carries: a newer change of theirs waits for it. */
    private final Map<Long, FileMark> inFlight = new ConcurrentHashMap<>();
    /** Files in flight of which a newer change was listed meanwhile: read again once their exchange is done. */
    private final Set<Long> changedWhileInFlight = ConcurrentHashMap.newKeySet();
    private final FileChangeRule rule;

    public FileEventsConsumer(ParadigmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.rule = FileChangeRule.of(endpoint.getConfiguration());
    }

    @Override
    void collect(Queue<Object> batch) throws Exception {
        offerUndeliveredAgain(batch);
        walkListing(batch, this::handle);
    }

    private Instant listingUntil() {
        ListingPosition listing = state().listing();
        return listing == null ? null : listing.until();
    }

    private void handle(ParadigmFile file, Queue<Object> batch) {
        FileMark last = state().mark(file.id());
        if (!rule.isChange(last, file)) {
            return; // listed again (the bounds of a listing are inclusive), nothing new
        }
        FileMark sending = inFlight.get(file.id());
        if (sending != null) {
            if (rule.isChange(sending, file)) {
                changedWhileInFlight.add(file.id()); // read again once the exchange in flight is done
            }
        } else if (rule.isEmitted(file)) {
            batch.add(exchangeFor(file, last, listingUntil()));
        } else {
            state().commit(file.id(), FileMark.of(file), listingUntil());
        }
    }

    /** Files whose last change was sent but not completed: their status now, if it is still news. */
    private void offerUndeliveredAgain(Queue<Object> batch) {
        for (long id : state().undelivered()) {
            if (isFull(batch) || !isRunAllowed()) {
                return;
            }
            if (inFlight.containsKey(id)) {
                continue;
            }
            ParadigmFile file;
            try {
                file = changedFiles().client().getFile(id, false);
            } catch (ParadigmApiException e) {
                if (e.getHttpStatus() != 404) {
                    throw e;
                }
                state().undelivered(id, false); // deleted: nothing left to deliver
                continue;
            }
            FileMark last = state().mark(id);
            if (rule.isChange(last, file) && rule.isEmitted(file)) {
                batch.add(exchangeFor(file, last, null));
            } else {
                if (rule.isChange(last, file)) {
                    state().commit(id, FileMark.of(file), null);
                }
                state().undelivered(id, false);
            }
        }
    }

    /** @param listedBy the upper bound of the listing the change came from; null when read with GET */
    private Exchange exchangeFor(ParadigmFile file, FileMark last, Instant listedBy) {
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
        message.setHeader(ParadigmConstants.FILE_EXTERNAL_ID, file.externalId());
        message.setHeader(ParadigmConstants.FILE_WORKSPACE_ID, file.workspace() == null ? null : file.workspace().id());
        message.setHeader(ParadigmConstants.TERMINAL, FileStatus.isTerminal(file.status()));

        FileMark next = FileMark.of(file);
        inFlight.put(file.id(), next);
        state().undelivered(file.id(), true);
        exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
            @Override
            public void onComplete(Exchange done) {
                if (!changedWhileInFlight.remove(file.id())) {
                    state().undelivered(file.id(), false);
                }
                state().commit(file.id(), next, listedBy);
                inFlight.remove(file.id());
            }

            @Override
            public void onFailure(Exchange failed) {
                changedWhileInFlight.remove(file.id());
                inFlight.remove(file.id());
            }
        });
        return exchange;
    }
}
