package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;

/**
 * An upload session the sessionEvents consumer follows: still open ({@code emittedFiles} = 0), or emitted with this
 * many files.
 *
 * @param lastUpdate  the newest change of its files when it was last listed (an emitted roll-up is not emitted again
 *                    unless a file joined or changed after it)
 * @param listedUntil every change of its files stamped up to this point of the service's clock was visible when it
 *                    was last listed: a listed change later than this is news, an earlier one is not
 * @param quietSince  when it was first seen finished with {@code quietFiles} files (service's clock), while it waits
 *                    for its quiet period
 * @param redeliver   its summary was sent and not completed yet (failed, in flight, or lost with a crash): it is
 *                    listed again at the next poll
 */
public record SessionMark(int emittedFiles, Instant lastUpdate, Instant listedUntil, Instant quietSince,
                          int quietFiles, boolean redeliver) {

    static SessionMark open(Instant lastUpdate, Instant listedUntil) {
        return new SessionMark(0, lastUpdate, listedUntil, null, 0, false);
    }

    static SessionMark waitingToBeQuiet(Instant lastUpdate, Instant listedUntil, Instant since, int files) {
        return new SessionMark(0, lastUpdate, listedUntil, since, files, false);
    }

    static SessionMark delivered(int files, Instant lastUpdate, Instant listedUntil) {
        return new SessionMark(files, lastUpdate, listedUntil, null, 0, false);
    }

    boolean emitted() {
        return emittedFiles > 0;
    }

    /** True when the session must be listed although none of its files changed since it was last listed. */
    boolean needsListingWithoutChange() {
        return redeliver || (!emitted() && quietSince != null);
    }

    /** True when a change stamped {@code changedAt} may not have been visible when the session was last listed. */
    boolean isOlderThan(Instant changedAt) {
        return listedUntil == null || changedAt == null || changedAt.isAfter(listedUntil);
    }

    /** True for an emitted session with no change since {@code horizon}: no listing from there on returns it. */
    boolean isFinishedBefore(Instant horizon) {
        return emitted() && !redeliver && lastUpdate != null && lastUpdate.isBefore(horizon);
    }

    SessionMark toRedeliver() {
        return new SessionMark(emittedFiles, lastUpdate, listedUntil, quietSince, quietFiles, true);
    }
}
