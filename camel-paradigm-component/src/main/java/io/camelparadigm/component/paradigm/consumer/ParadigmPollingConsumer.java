package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.client.DatedPage;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both paradigm consumers share. Each poll walks the listing of changes page by page and sends at most
 * maxMessagesPerPoll exchanges as one batch; a listing longer than that continues at once in the next poll (the rest
 * of its current page is kept). The state is read from the repository on every start (so an instance that takes over
 * behind master: starts from the shared state) and written after a poll or on stop only when it changed. Polls fail
 * by throwing, so Camel's backoff options and the consumer health check apply, with a 429's Retry-After honoured by
 * skipping polls until then. A stop from another thread (master: losing its leadership) waits for the poll in progress
 * to end before its last save, so that when it returns the repository holds every change completed by then and this
 * consumer writes nothing more.
 */
@ManagedResource(description = "Managed paradigm consumer")
abstract class ParadigmPollingConsumer extends ScheduledBatchPollingConsumer implements ConsumerProgress {

    private static final Logger LOG = LoggerFactory.getLogger(ParadigmPollingConsumer.class);
    /** How long a stop waits for the poll in progress (its exchange in the route, its request) before saving anyway. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final ConsumerStateStore store;
    private final ServerClock serverClock;
    private volatile ConsumerState state;
    /** The state as last read or written: a state that serializes the same is not written again. */
    private volatile String savedJson;
    private volatile ChangedFiles changedFiles;
    private volatile ChangeListing listing;
    private volatile ListingSpan listingSpan;
    /** The last listing ended before the service's clock allowed: the next one continues at once. */
    private volatile boolean behind;
    private volatile StartFrom startFrom;
    private volatile long startNanos;
    private volatile Instant localStart;
    private volatile Instant skipPollsUntil;
    private volatile Instant lastPoll;
    private final LongAdder changesSeen = new LongAdder();
    /** Held while a poll runs. */
    private final ReentrantLock polling = new ReentrantLock();
    /** Saves one at a time, so the last one written is the newest. */
    private final Object saving = new Object();

    ParadigmPollingConsumer(ParadigmEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.store = new ConsumerStateStore(endpoint.stateRepository(), endpoint.stateKey());
        this.serverClock = new ServerClock(endpoint.getOperation());
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

    ServerClock serverClock() {
        return serverClock;
    }

    @Override
    protected void doStart() throws Exception {
        startFrom = StartFrom.parse(configuration().getStartFrom());
        startNanos = System.nanoTime();
        localStart = Instant.now();
        store.start();
        state = store.load();
        state.takeChanged();
        savedJson = state.toJson();
        changedFiles = new ChangedFiles(getEndpoint().getClient(), configuration(), serverClock);
        listingSpan = new ListingSpan(configuration().getPageSize());
        listing = null;
        behind = false;
        skipPollsUntil = null;
        super.doStart();
    }

    /**
     * This consumer is "stopping" already: the poll in progress sends no more exchanges. It is waited for before
     * {@code super.doStop()}, which stops the route's processors with this consumer: an exchange still in the route
     * then completes there instead of being rejected by a stopped error handler after its work was done (a change
     * delivered, not committed, and delivered again by the next start).
     */
    @Override
    protected void doStop() throws Exception {
        boolean waited = awaitPollInProgress();
        try {
            super.doStop(); // no poll starts any more
            listing = null; // the page held in memory is dropped; the position in the state is where the next start resumes
            saveIfChanged();
        } finally {
            if (waited) {
                polling.unlock();
            }
        }
    }

    /**
     * Otherwise the poll would save after this stop: an exchange that completes meanwhile would reach the repository
     * only after the stop returned, possibly after another instance behind master: read it, and delivered again.
     */
    private boolean awaitPollInProgress() {
        try {
            if (polling.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                return true;
            }
            LOG.warn("paradigm:{} stops while a poll is still in progress after {} s (state key {})",
                    getEndpoint().getOperation(), STOP_WAIT_SECONDS, store.key());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** A listing stopped at maxMessagesPerPoll, or ended before the service's clock allowed, continues at once. */
    @Override
    public boolean isGreedy() {
        ChangeListing current = listing;
        return super.isGreedy() || behind || current != null && !current.isOver();
    }

    @Override
    protected boolean isPollAllowed() {
        Instant until = skipPollsUntil;
        return super.isPollAllowed() && (until == null || !Instant.now().isBefore(until));
    }

    @Override
    protected final int poll() throws Exception {
        polling.lock();
        try {
            return pollOnce();
        } finally {
            polling.unlock();
        }
    }

    private int pollOnce() throws Exception {
        lastPoll = Instant.now();
        shutdownRunningTask = null;
        pendingExchanges = 0;
        Queue<Object> batch = new ArrayDeque<>();
        Exception failure = null;
        try {
            if (!state.isInitialized()) {
                state.initialize(startingWatermark());
                LOG.info("paradigm:{} starts from {} (state key {})", getEndpoint().getOperation(),
                        state.watermark() == null ? "every matching file" : state.watermark(), store.key());
            }
            collect(batch);
        } catch (Exception e) {
            failure = e;
            if (e instanceof ParadigmApiException api && api.getHttpStatus() == 429
                && api.getRetryAfterSeconds() != null) {
                skipPollsUntil = Instant.now().plusSeconds(api.getRetryAfterSeconds());
                LOG.info("Paradigm asked to slow down: no poll before {}", skipPollsUntil);
            }
        }
        int sent = processBatch(batch); // what was collected before a failure still goes out
        saveIfChanged();
        if (failure != null) {
            throw failure;
        }
        return sent;
    }

    /** The exchanges of one poll, in order; each one's outcome is recorded by the synchronization it carries. */
    @Override
    public int processBatch(Queue<Object> exchanges) throws Exception {
        int total = exchanges.size();
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Exchange exchange = (Exchange) exchanges.poll();
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            getAsyncProcessor().process(exchange, defaultConsumerCallback(exchange, true));
        }
        // stopping: what was not sent stays undelivered in the state, for the next start
        for (Object notSent; (notSent = exchanges.poll()) != null; ) {
            Exchange exchange = (Exchange) notSent;
            exchange.getExchangeExtension().handoverCompletions().forEach(done -> done.onFailure(exchange));
        }
        return total;
    }

    /**
     * Walks the listing of changes, adding to the batch until it is full. {@code handle} takes each file; the
     * position moves past a file only once it was handled, so a failure leaves it for the next poll.
     */
    void walkListing(Queue<Object> batch, FileHandler handle) throws Exception {
        boolean more;
        do {
            if (listing == null) {
                listing = new ChangeListing(changedFiles, state, serverClock, overlap(), listingSpan);
            }
            ParadigmFile file;
            while (!isFull(batch) && isRunAllowed() && (file = listing.next()) != null) {
                handle.handle(file, batch);
                listing.done(file);
                changesSeen.increment();
            }
            if (!listing.isOver()) {
                return;
            }
            behind = listing.endsBeforeServerClock();
            state.finishListing(listing.listedAnyFile() || behind);
            listing = null;
            more = behind && !isFull(batch) && isRunAllowed();
        } while (more);
    }

    boolean isFull(Queue<Object> batch) {
        return maxMessagesPerPoll > 0 && batch.size() >= maxMessagesPerPoll;
    }

    /** Saves the state if it changed since it was last saved. */
    void saveIfChanged() {
        synchronized (saving) {
            ConsumerState current = state;
            if (current != null && current.takeChanged()) {
                String json = current.toJson();
                if (!json.equals(savedJson)) {
                    store.save(json);
                    savedJson = json;
                }
            }
        }
    }

    @Override
    @ManagedAttribute(description = "The key of the consumer's state in the state repository")
    public String getStateKey() {
        return store.key();
    }

    @Override
    @ManagedAttribute(description = "When the consumer last polled")
    public Date getLastPollTimestamp() {
        Instant last = lastPoll;
        return last == null ? null : Date.from(last);
    }

    @Override
    @ManagedAttribute(description = "File changes listed and handled since the consumer started")
    public long getChangesSeen() {
        return changesSeen.sum();
    }

    @Override
    @ManagedAttribute(description = "Upload sessions followed and not delivered yet")
    public int getPendingSessions() {
        ConsumerState current = state;
        return current == null ? 0 : current.sessions().size();
    }

    @Override
    @ManagedAttribute(description = "Files whose change was sent but not completed yet")
    public int getUndeliveredFiles() {
        ConsumerState current = state;
        return current == null ? 0 : current.undelivered().size();
    }

    /** One poll's work: the exchanges to send, at most maxMessagesPerPoll. */
    abstract void collect(Queue<Object> batch) throws Exception;

    /** Handles one listed file, adding the exchanges it causes to the batch. */
    @FunctionalInterface
    interface FileHandler {
        void handle(ParadigmFile file, Queue<Object> batch) throws Exception;
    }

    private Instant startingWatermark() {
        if (startFrom.all()) {
            return null;
        }
        if (startFrom.instant() != null) {
            return startFrom.instant();
        }
        // now: the server's clock when this consumer started, read from the Date of one small request
        DatedPage<ParadigmFile> answer = changedFiles.page(changedFiles.filters().pageSize(1));
        return serverClock.atMost(answer.serverDate(), System.nanoTime() - startNanos, localStart).minus(overlap());
    }
}
