package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;

import io.camelparadigm.component.paradigm.client.DatedPage;
import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * One listing of the files changed between the watermark and a point of the server's clock ({@code until}) before
 * which every change was committed, walked in created_at order one page at a time (docs/consumer.md says why no
 * change is missed). The API cannot order by updated_at, so pages follow created_at: each page asks for the files
 * created at or after the last one done, which neither skips nor repeats a file when others change or appear
 * meanwhile. {@code until} is set from the first page's answer: its Date, less the time that request took, less the
 * overlap; files of the first page changed after it belong to the next listing and are passed over.
 * <p>
 * The position moves in the consumer state file by file ({@link #done}); the current page is held in memory only, so a
 * listing of any length takes the memory of one page, and resumes from the state after a stop.
 */
final class ChangeListing {

    private final ChangedFiles files;
    private final ConsumerState state;
    private final ServerClock serverClock;
    private final Duration overlap;
    private final ListingSpan span;
    private final Deque<ParadigmFile> page = new ArrayDeque<>();
    private ListingPosition position;
    private boolean morePages = true;
    private int samePositionPage = 1;
    private boolean listedAnyFile;
    private boolean endsBeforeServerClock;

    ChangeListing(ChangedFiles files, ConsumerState state, ServerClock serverClock, Duration overlap,
                  ListingSpan span) {
        this.files = files;
        this.state = state;
        this.serverClock = serverClock;
        this.overlap = overlap;
        this.span = span;
        this.position = state.listing();
        this.listedAnyFile = position != null && position.createdAfter() != null;
    }

    /** The next file to handle (left in place until {@link #done}); null when the listing is over. */
    ParadigmFile next() {
        while (true) {
            while (!page.isEmpty()) {
                ParadigmFile file = page.peekFirst();
                if (position.isDone(file)) {
                    page.removeFirst();
                } else if (isAfterUntil(file)) {
                    page.removeFirst();
                    moveTo(position.after(file)); // changed since the listing began: the next listing has it
                } else {
                    return file;
                }
            }
            if (!morePages) {
                return null;
            }
            fetchPage();
        }
    }

    /** The file {@link #next} returned is handled: the position moves past it. */
    void done(ParadigmFile file) {
        page.removeFirst();
        listedAnyFile = true;
        moveTo(position.after(file));
    }

    /** True once {@link #next} returned null. */
    boolean isOver() {
        return page.isEmpty() && !morePages;
    }

    boolean listedAnyFile() {
        return listedAnyFile;
    }

    /** True when the listing ends before the point the service's clock allowed ({@link ListingSpan}): more follow. */
    boolean endsBeforeServerClock() {
        return endsBeforeServerClock;
    }

    private void fetchPage() {
        FileQuery.Builder query = files.filters();
        Instant since = state.watermark();
        if (since != null) {
            query.updatedAtAfter(apiInstant(since));
        }
        Instant bound = position == null ? span.boundAfter(since) : null;
        if (bound != null) {
            query.updatedAtBefore(apiInstant(bound));
        }
        if (position != null) {
            query.updatedAtBefore(apiInstant(position.until()));
            if (position.createdAfter() != null) {
                query.createdAtAfter(apiInstant(position.createdAfter()));
            }
        }
        if (samePositionPage > 1) {
            query.page(samePositionPage);
        }
        Instant localSent = Instant.now();
        long sent = System.nanoTime();
        DatedPage<ParadigmFile> answer = files.page(query);
        long took = System.nanoTime() - sent;
        Instant serverTime = serverClock.atMost(answer.serverDate(), took, localSent);
        if (position == null) {
            Instant until = serverTime.minus(overlap).truncatedTo(ChronoUnit.MICROS);
            if (bound != null && bound.isBefore(until)) {
                until = bound.truncatedTo(ChronoUnit.MICROS);
                endsBeforeServerClock = true;
            }
            Instant end = span.end(since, until, answer.page().count(), answer.page().next() != null)
                    .truncatedTo(ChronoUnit.MICROS);
            if (end.isBefore(until) && since != null && end.isAfter(since)) {
                until = end;
                endsBeforeServerClock = true;
            }
            moveTo(ListingPosition.startingAt(until));
        }
        morePages = answer.page().next() != null;
        // more files than a page created in the same microsecond: walk them by page number
        boolean nothingNew = answer.page().results().stream().allMatch(position::isDone);
        samePositionPage = nothingNew && morePages ? samePositionPage + 1 : 1;
        page.addAll(answer.page().results());
    }

    private boolean isAfterUntil(ParadigmFile file) {
        Instant updatedAt = ChangedFiles.updatedAt(file);
        return updatedAt != null && updatedAt.isAfter(position.until());
    }

    private void moveTo(ListingPosition next) {
        position = next;
        state.listing(next);
    }

    /** Microseconds, the API's precision; truncating only moves a bound earlier. */
    private static String apiInstant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
