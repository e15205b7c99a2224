package io.camelparadigm.component.paradigm.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Synchronization;

/**
 * {@code paradigm:sessionEvents}: one exchange per upload session once every file in it is terminal (and the
 * session has been quiet for quietPeriod), with the rolled-up {@link UploadSessionSummary}. Each poll lists the
 * files changed since the watermark, then lists only the sessions with a change newer than their last listing,
 * plus those waiting for their quiet period or for a failed exchange to be delivered again: requests per poll
 * follow the changes, not the number of open sessions.
 */
public class SessionEventsConsumer extends ParadigmPollingConsumer {

    private final Clock clock = Clock.systemUTC();

    public SessionEventsConsumer(ParadigmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    int pollChanges() throws Exception {
        ConsumerState state = state();
        List<ParadigmFile> changed = changedFiles().since(state.listingStart(overlap()));
        Map<String, Instant> newestChangeBySession = new TreeMap<>();
        Instant newest = null;
        for (ParadigmFile file : changed) {
            Instant updatedAt = ChangedFiles.updatedAt(file);
            if (file.uploadSessionUuid() != null) {
                String uuid = file.uploadSessionUuid();
                newestChangeBySession.put(uuid, ChangedFiles.latest(newestChangeBySession.get(uuid), updatedAt));
            }
            newest = ChangedFiles.latest(newest, updatedAt);
        }
        Set<String> touched = new TreeSet<>();
        newestChangeBySession.forEach((uuid, newestChange) -> {
            SessionMark mark = state.session(uuid);
            if (mark == null || mark.isOlderThan(newestChange)) {
                touched.add(uuid);
            }
        });
        Set<String> candidates = new TreeSet<>(touched);
        state.sessions().forEach((uuid, mark) -> {
            if (mark.needsListingWithoutChange()) {
                candidates.add(uuid);
            }
        });
        int emitted = 0;
        for (String uuid : candidates) {
            if (!isRunAllowed()) {
                break;
            }
            if (check(uuid, touched.contains(uuid))) {
                emitted++;
            }
        }
        // open sessions are kept in the state by uuid, so the watermark need not wait for them
        state.advanceWatermark(newest, overlap());
        return emitted;
    }

    /** Lists one session; emits its summary when closed (or its progress); true when an exchange was sent. */
    private boolean check(String uuid, boolean touchedThisPoll) throws Exception {
        ConsumerState state = state();
        SessionMark mark = state.session(uuid);
        UploadSessionSummary summary = UploadSessionSummary.of(uuid, changedFiles().inSession(uuid));
        if (summary.total() == 0) {
            return false;
        }
        if (!summary.isClosed()) {
            state.session(uuid, SessionMark.open(summary.lastUpdate()));
            if (configuration().isEmitProgress() && touchedThisPoll) {
                send(summary, null);
                return true;
            }
            return false;
        }
        if (mark != null && mark.emitted() && mark.emittedFiles() == summary.total()
            && summary.lastUpdate() != null && !summary.lastUpdate().isAfter(mark.lastUpdate())) {
            return false; // seen again through the overlap
        }
        if (!isQuiet(uuid, mark, summary)) {
            return false;
        }
        send(summary, new SessionMark(summary.total(), summary.lastUpdate(), null, 0, false));
        return true;
    }

    /** A closed-looking session is emitted only after quietPeriod without new files (by this machine's clock). */
    private boolean isQuiet(String uuid, SessionMark mark, UploadSessionSummary summary) {
        Duration quietPeriod = Duration.ofMillis(configuration().getQuietPeriod());
        if (quietPeriod.isZero() || quietPeriod.isNegative()) {
            return true;
        }
        Instant now = clock.instant();
        if (mark == null || mark.quietSince() == null || mark.quietFiles() != summary.total()) {
            state().session(uuid, new SessionMark(0, summary.lastUpdate(), now, summary.total(), false));
            return false;
        }
        return !now.isBefore(mark.quietSince().plus(quietPeriod));
    }

    private void send(UploadSessionSummary summary, SessionMark onCompletion) throws Exception {
        Exchange exchange = createExchange(true);
        exchange.getMessage().setBody(summary);
        exchange.getMessage().setHeader(ParadigmConstants.UPLOAD_SESSION_UUID, summary.uploadSessionUuid());
        exchange.getMessage().setHeader(ParadigmConstants.SESSION_STATUS, summary.status().name());
        if (onCompletion != null) {
            exchange.getExchangeExtension().addOnCompletion(new Synchronization() {
                @Override
                public void onComplete(Exchange done) {
                    state().session(summary.uploadSessionUuid(), onCompletion);
                }

                @Override
                public void onFailure(Exchange failed) {
                    state().session(summary.uploadSessionUuid(), SessionMark.redeliverNextPoll());
                }
            });
        }
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            getExceptionHandler().handleException(
                    "Error processing upload session " + summary.uploadSessionUuid(), exchange, exchange.getException());
        }
    }
}
