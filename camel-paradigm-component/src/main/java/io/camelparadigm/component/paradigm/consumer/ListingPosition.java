package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * How far a listing of changes has gone, saved so that it resumes page by page after a stop.
 *
 * @param until        the listing's upper bound on updated_at: a point of the server's clock before which every
 *                     change was committed when the listing began
 * @param createdAfter files are walked in created_at order; those created before this instant are done
 * @param doneAtCursor the ids of the files created exactly at {@code createdAfter} that are done (the API filter is
 *                     inclusive, so they come again)
 */
public record ListingPosition(Instant until, Instant createdAfter, Set<Long> doneAtCursor) {

    public ListingPosition {
        doneAtCursor = doneAtCursor == null ? Set.of() : Set.copyOf(doneAtCursor);
    }

    static ListingPosition startingAt(Instant until) {
        return new ListingPosition(until, null, Set.of());
    }

    /** The position once {@code file} is done. */
    ListingPosition after(ParadigmFile file) {
        if (file.createdAt() == null) {
            return this;
        }
        Instant createdAt = file.createdAt().toInstant();
        if (createdAfter == null || createdAt.isAfter(createdAfter)) {
            return new ListingPosition(until, createdAt, Set.of(file.id()));
        }
        if (createdAt.equals(createdAfter)) {
            Set<Long> done = new TreeSet<>(doneAtCursor);
            done.add(file.id());
            return new ListingPosition(until, createdAfter, done);
        }
        return this;
    }

    /** True for a file this listing already went past (the inclusive created_at filter returns it again). */
    boolean isDone(ParadigmFile file) {
        if (createdAfter == null || file.createdAt() == null) {
            return false;
        }
        Instant createdAt = file.createdAt().toInstant();
        return createdAt.isBefore(createdAfter) || createdAt.equals(createdAfter) && doneAtCursor.contains(file.id());
    }
}
