package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.time.Instant;

/**
 * How much of the service's time one listing of changes covers, so that each request of a listing stays cheap when
 * the consumer is behind: the service answers each page with the count of every file left in the listing (a COUNT
 * over them in its database), so a listing of a hundred thousand files pays that count on each of its pages. A
 * listing is unbounded (up to the service's clock) until one counts more than ten pages of files on its first page;
 * that listing then ends earlier, where about ten pages are expected (the changes taken as evenly spread in time),
 * and the next ones cover at most that span, doubled after each listing that counted half that or fewer, until they
 * are unbounded again. Ending a listing earlier only moves its bound earlier: docs/consumer.md, why no change is
 * missed.
 */
final class ListingSpan {

    private static final Duration UNBOUNDED = Duration.ofDays(3650);
    private static final int PAGES_PER_LISTING = 10;

    private final long targetFiles;
    private Duration span = UNBOUNDED;

    ListingSpan(int pageSize) {
        this.targetFiles = (long) PAGES_PER_LISTING * pageSize;
    }

    /** The upper bound on updated_at for the first page of a listing from {@code watermark}; null with none. */
    synchronized Instant boundAfter(Instant watermark) {
        return watermark == null || span.compareTo(UNBOUNDED) >= 0 ? null : watermark.plus(span);
    }

    /**
     * The listing from {@code watermark} to {@code until} counted {@code count} files on its first page: where it
     * ends, {@code until} or earlier. Sets the span of the next listing.
     */
    synchronized Instant end(Instant watermark, Instant until, long count, boolean morePages) {
        if (watermark == null || !until.isAfter(watermark)) {
            return until;
        }
        long coveredMicros = Duration.between(watermark, until).toNanos() / 1_000;
        if (morePages && count > targetFiles && coveredMicros > 1) {
            long keptMicros = Math.max(1, coveredMicros / count * targetFiles
                                          + coveredMicros % count * targetFiles / count);
            span = Duration.ofNanos(keptMicros * 1_000);
            return watermark.plus(span);
        }
        if (count <= targetFiles / 2 && span.compareTo(UNBOUNDED) < 0) {
            span = span.multipliedBy(2);
        }
        return until;
    }
}
