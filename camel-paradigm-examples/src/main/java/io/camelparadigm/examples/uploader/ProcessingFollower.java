package io.camelparadigm.examples.uploader;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;

/**
 * Follows the processing of the documents this run uploaded by listing the workspace's documents that reached a
 * final status since a watermark: each document is listed about once, whatever the number of status changes before
 * its final one, and the pages are read as a stream.
 *
 * <p>The watermark is a point of the server's clock: when the previous listing started, less a margin (the
 * server's clock as the upload answers' {@code created_at} show it, see {@link UploadProgress#serverTimeAtLeast()}).
 * Listed in {@code created_at} order, the set of final documents only grows while a listing pages through it, so a
 * document final before the listing started is not skipped by page shifts; one that became final during the listing
 * has an {@code updated_at} after the listing started, hence after the next watermark. The watermark moves on however
 * many pages a listing has: each document is listed about once, not once per listing (a watermark taken from the
 * first page stalled as soon as a listing had more than one page, and a 200,000-file run re-read every final
 * document on every poll). Whatever a listing still misses (a clock oddity, a page that failed) is found by the job's
 * reconciliation, which asks about the documents still processing: the run never waits for ever and never counts a
 * document twice.
 */
final class ProcessingFollower {

    /** Final statuses, the listing's filter. */
    static final String FINAL_STATUSES = "embedded,parsed,parsing_failed,embedding_failed,fail";
    private static final Duration MARGIN = Duration.ofSeconds(1);
    private static final String LISTING_START = "ParadigmUploaderListingStart";

    private final UploadProgress progress;
    private Instant watermark;

    ProcessingFollower(UploadProgress progress) {
        this.progress = progress;
    }

    /** Before a listing: false when nothing is waiting for its final status (an idle run sends no request). */
    boolean prepare(Exchange exchange) {
        Instant since = since();
        if (since == null) {
            return false;
        }
        exchange.getMessage().setHeader(ParadigmConstants.FILTER_UPDATED_AT_AFTER, since.toString());
        exchange.setProperty(LISTING_START, progress.serverTimeAtLeast());
        return true;
    }

    /** Body in: the listing's documents, as an iterator over the pages. */
    void listed(Exchange exchange) {
        Iterator<?> files = exchange.getMessage().getBody(Iterator.class);
        while (files.hasNext()) {
            ParadigmFile file = (ParadigmFile) files.next();
            progress.statusChanged(file.id(), file.status(), file.statusDetail(), file.externalId(),
                    file.uploadSessionUuid());
        }
        Instant listingStart = exchange.getProperty(LISTING_START, Instant.class);
        if (listingStart != null) {
            moveWatermark(listingStart.minus(MARGIN));
        }
    }

    private synchronized Instant since() {
        if (watermark == null) {
            Instant first = progress.firstCreatedAt();
            watermark = first == null ? null : first.minus(MARGIN);
        }
        return progress.stillProcessing() == 0 ? null : watermark;
    }

    private synchronized void moveWatermark(Instant candidate) {
        if (watermark == null || candidate.isAfter(watermark)) {
            watermark = candidate;
        }
    }
}
