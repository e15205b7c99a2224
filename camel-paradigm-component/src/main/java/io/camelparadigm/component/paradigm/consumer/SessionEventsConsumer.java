package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;

/**
 * {@code paradigm:sessionEvents}: one exchange per upload session once every file in it is terminal (and the
 * session has been quiet for quietPeriod), with the rolled-up {@link UploadSessionSummary}. The listing of changes
 * is walked as for fileEvents; a listed file whose change is newer than its session's last listing makes the consumer
 * list that session, once. Sessions waiting for their quiet period, or whose summary was sent but not completed, are
 * listed at the start of each poll: requests per poll follow the changes, not the number of open sessions.
 */
public class SessionEventsConsumer extends ParadigmPollingConsumer {

    /** Sessions whose summary is in flight: a newer change waits for it. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> changedWhileInFlight = ConcurrentHashMap.newKeySet();

    public SessionEventsConsumer(ParadigmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    void collect(Queue<Object> batch) throws Exception {
        for (Map.Entry<String, SessionMark> session : state().sessions().entrySet()) {
            if (isFull(batch) || !isRunAllowed()) {
                return;
            }
            if (session.getValue().needsListingWithoutChange() && !inFlight.contains(session.getKey())) {
                check(session.getKey(), false, batch);
            }
        }
        walkListing(batch, this::handle);
    }

    private void handle(ParadigmFile file, Queue<Object> batch) {
        String uuid = file.uploadSessionUuid();
        if (uuid == null) {
            return;
        }
        SessionMark mark = state().session(uuid);
        if (mark != null && !mark.isOlderThan(ChangedFiles.updatedAt(file))) {
            return; // the session was listed after this change
        }
        if (inFlight.contains(uuid)) {
            changedWhileInFlight.add(uuid);
        } else {
            check(uuid, true, batch);
        }
    }

    /** Lists one session; adds its summary to the batch when it is closed (or its progress). */
    private void check(String uuid, boolean touchedThisPoll, Queue<Object> batch) {
        ConsumerState state = state();
        SessionMark mark = state.session(uuid);
        // every change stamped up to here was committed before this listing of the session (docs/consumer.md)
        ListingPosition listing = state.listing();
        Instant listedUntil = listing != null ? listing.until() : state.watermark();
        UploadSessionSummary summary = UploadSessionSummary.of(uuid, changedFiles().inSession(uuid));
        if (summary.total() == 0) {
            state.forgetSession(uuid); // every file deleted or filtered out
            return;
        }
        if (!summary.isClosed()) {
            state.session(uuid, SessionMark.open(summary.lastUpdate(), listedUntil));
            if (configuration().isEmitProgress() && touchedThisPoll) {
                batch.add(exchangeFor(summary, null));
            }
            return;
        }
        if (mark != null && mark.emitted() && mark.emittedFiles() == summary.total()
            && summary.lastUpdate() != null && !summary.lastUpdate().isAfter(mark.lastUpdate())) {
            // already delivered with this roll-up
            state.session(uuid, SessionMark.delivered(mark.emittedFiles(), mark.lastUpdate(), listedUntil));
            return;
        }
        if (!isQuiet(uuid, mark, summary, listedUntil)) {
            return;
        }
        state.session(uuid, SessionMark.waitingToBeQuiet(summary.lastUpdate(), listedUntil,
                mark == null ? null : mark.quietSince(), summary.total()).toRedeliver());
        batch.add(exchangeFor(summary, SessionMark.delivered(summary.total(), summary.lastUpdate(), listedUntil)));
    }

    /** A closed-looking session is emitted only after quietPeriod without new files, by the server's clock. */
    private boolean isQuiet(String uuid, SessionMark mark, UploadSessionSummary summary, Instant listedUntil) {
        Duration quietPeriod = Duration.ofMillis(configuration().getQuietPeriod());
        if (quietPeriod.isZero() || quietPeriod.isNegative()) {
            return true;
        }
        Instant now = serverClock().now();
        if (mark == null || mark.quietSince() == null || mark.quietFiles() != summary.total()) {
            state().session(uuid, SessionMark.waitingToBeQuiet(summary.lastUpdate(), listedUntil, now,
                    summary.total()));
            return false;
        }
        return !now.isBefore(mark.quietSince().plus(quietPeriod));
    }

    /** The summary's exchange; with {@code delivered}, the mark the session gets once the exchange completed. */
    private Exchange exchangeFor(UploadSessionSummary summary, SessionMark delivered) {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(summary);
        exchange.getMessage().setHeader(ParadigmConstants.UPLOAD_SESSION_UUID, summary.uploadSessionUuid());
        exchange.getMessage().setHeader(ParadigmConstants.SESSION_STATUS, summary.status().name());
        if (delivered != null) {
            String uuid = summary.uploadSessionUuid();
            inFlight.add(uuid);
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    state().session(uuid, changedWhileInFlight.remove(uuid) ? delivered.toRedeliver() : delivered);
                    inFlight.remove(uuid);
                }

                @Override
                public void onFailure(Exchange failed) {
                    changedWhileInFlight.remove(uuid);
                    inFlight.remove(uuid); // the mark still says redeliver: the next poll lists the session again
                }
            });
        }
        return exchange;
    }
}
