package io.camelparadigm.component.paradigm.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both paradigm consumers share: the state, read from the repository on every start (so an instance that
 * takes over behind master: starts from the shared state), saved after each poll and on stop; and polls that
 * fail by throwing, so Camel's backoff options and the consumer health check apply, with a 429's Retry-After
 * honoured by skipping polls until then.
 */
abstract class ParadigmPollingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ParadigmPollingConsumer.class);

    private final ConsumerStateStore store;
    private final Clock clock = Clock.systemUTC();
    private volatile ConsumerState state;
    private volatile ChangedFiles changedFiles;
    private volatile Instant skipPollsUntil;

    ParadigmPollingConsumer(ParadigmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.store = new ConsumerStateStore(endpoint.stateRepository(), endpoint.stateKey());
    }

    @Override
    public ParadigmEndpoint getEndpoint() {
        return (ParadigmEndpoint) super.getEndpoint();
    }

    ParadigmConfiguration configuration() {
        return getEndpoint().getConfiguration();
    }

    Duration overlap() {
        return Duration.ofMillis(configuration().getOverlap());
    }

    ConsumerState state() {
        return state;
    }

    ChangedFiles changedFiles() {
        return changedFiles;
    }

    @Override
    protected void doStart() throws Exception {
        store.start();
        ConsumerState loaded = store.load();
        if (!loaded.isInitialized()) {
            loaded.initialize(StartFrom.watermark(configuration().getStartFrom(), clock.instant()));
            LOG.info("paradigm:{} starts from {} (state key {})", getEndpoint().getOperation(),
                    loaded.watermark() == null ? "every matching file" : loaded.watermark(), store.key());
        }
        state = loaded;
        store.save(loaded);
        changedFiles = new ChangedFiles(getEndpoint().getClient(), configuration());
        skipPollsUntil = null;
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (state != null) {
            store.save(state);
        }
    }

    @Override
    protected boolean isPollAllowed() {
        Instant until = skipPollsUntil;
        return until == null || !clock.instant().isBefore(until);
    }

    @Override
    protected final int poll() throws Exception {
        try {
            int count = pollChanges();
            store.save(state);
            return count;
        } catch (ParadigmApiException e) {
            if (e.getHttpStatus() == 429 && e.getRetryAfterSeconds() != null) {
                skipPollsUntil = clock.instant().plusSeconds(e.getRetryAfterSeconds());
                LOG.info("Paradigm asked to slow down: no poll before {}", skipPollsUntil);
            }
            throw e;
        }
    }

    /** Saves the state now: for exchanges that complete after their poll ended. */
    void saveState() {
        store.save(state);
    }

    /** One poll: list what changed, emit exchanges; returns how many were emitted. */
    abstract int pollChanges() throws Exception;
}
