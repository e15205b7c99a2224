package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * Follows the processing of the documents this run uploaded with the component's {@code paradigm:fileEvents}
 * consumer ({@code terminalOnly}): each poll lists what changed since the previous one, page after page by key
 * ({@code created_at} after the last document read, never a page number), so no request makes the server skip an
 * offset, and documents final before the listing cost nothing (docs/consumer.md says why no change is missed). A
 * page's {@code count} still covers what the listing has left to read: a listing that falls far behind gets slow
 * (docs/benchmarks.md, the 1,000,000-file run).
 *
 * <p>It polls only while a document of this run is still processing: a run that uploads nothing sends no request.
 * A document that reached its final status more than the consumer's overlap before its first poll is found by the
 * job's reconciliation, which asks about the documents still processing.
 *
 * <p>It polls once per poll interval while files are being uploaded. Once the last one is, it polls sooner, a quarter
 * of the time since then (at least {@link #TICK} apart, at most the poll interval), so that a run ends soon after its
 * last documents are processed: documents processed in seconds are seen within a second, and processing that lasts
 * minutes costs about ten requests more than polling at the interval would.
 */
final class ProcessingFollower extends DefaultPollingConsumerPollStrategy {

    /** Final statuses, what the job's reconciliation lists. */
    static final String FINAL_STATUSES = "embedded,parsed,parsing_failed,embedding_failed,fail";

    /** How often the consumer asks {@link #begin} whether a poll is due. */
    static final Duration TICK = Duration.ofMillis(250);

    private final UploadProgress progress;
    private final Duration pollInterval;
    private final Clock clock;
    private long lastPollMillis = Long.MIN_VALUE;

    ProcessingFollower(UploadProgress progress, Duration pollInterval, Clock clock) {
        this.progress = progress;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /**
     * How far behind the service's clock the follower lists (the consumer's {@code overlap}, 2 s by default): a status
     * committed later than that after its stamp is missed by the listing and found by the job's reconciliation, so
     * the run ends sooner after its last document is processed and still never waits for ever.
     */
    static final Duration OVERLAP = Duration.ofMillis(500);

    static String uri(long workspaceId, Duration pollInterval) {
        return "paradigm:fileEvents?workspaceId=" + workspaceId + "&terminalOnly=true&startFrom=now&initialDelay=0"
               + "&delay=" + tick(pollInterval).toMillis() + "&pageSize=100&overlap=" + OVERLAP.toMillis();
    }

    /**
     * A poll when one is due ({@link #interval()}) or when the clock went back since the last one, none while nothing
     * is processing.
     */
    @Override
    public synchronized boolean begin(Consumer consumer, Endpoint endpoint) {
        long now = clock.millis();
        boolean polledLately = lastPollMillis != Long.MIN_VALUE && now >= lastPollMillis
                               && now - lastPollMillis < interval().toMillis();
        if (progress.stillProcessing() == 0 || polledLately) {
            return false;
        }
        lastPollMillis = now;
        return true;
    }

    /** The time from one poll to the next (see the class comment). */
    Duration interval() {
        Optional<Duration> sinceUploads = progress.sinceUploadsFinished();
        if (sinceUploads.isEmpty()) {
            return pollInterval;
        }
        Duration quarter = sinceUploads.get().dividedBy(4);
        Duration atLeastATick = quarter.compareTo(tick(pollInterval)) < 0 ? tick(pollInterval) : quarter;
        return atLeastATick.compareTo(pollInterval) < 0 ? atLeastATick : pollInterval;
    }

    private static Duration tick(Duration pollInterval) {
        return pollInterval.compareTo(TICK) < 0 ? pollInterval : TICK;
    }

    /** Body in: a document of the workspace that reached a final status; those of other runs are ignored. */
    void finalStatus(Exchange exchange) {
        ParadigmFile file = exchange.getMessage().getBody(ParadigmFile.class);
        progress.statusChanged(file.id(), file.status(), file.statusDetail(), file.externalId(),
                file.uploadSessionUuid());
    }
}
