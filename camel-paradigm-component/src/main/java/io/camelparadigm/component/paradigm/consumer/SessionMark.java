package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;

/**
 * An upload session the sessionEvents consumer follows: still open ({@code emittedFiles} = 0), or emitted with this
 * many files. {@code lastUpdate} is the newest change of its files when it was last listed; a session none of whose
 * files changed after that is not listed again, unless it waits for its quiet period to end ({@code quietSince}, by
 * the server's clock) or its summary was sent and not completed yet ({@code redeliver}: failed, in flight, or lost
 * with a crash).
 */
public record SessionMark(int emittedFiles, Instant lastUpdate, Instant quietSince, int quietFiles,
                          boolean redeliver) {

    static SessionMark open(Instant lastUpdate) {
        return new SessionMark(0, lastUpdate, null, 0, false);
    }

    boolean emitted() {
        return emittedFiles > 0;
    }

    /** True when the session must be listed although none of its files changed since {@code lastUpdate}. */
    boolean needsListingWithoutChange() {
        return redeliver || (!emitted() && quietSince != null);
    }

    /** True when a change seen at {@code newestChange} is news for this session. */
    boolean isOlderThan(Instant newestChange) {
        return lastUpdate == null || newestChange == null || newestChange.isAfter(lastUpdate);
    }

    /** True for an emitted session with no change since {@code horizon}: no listing from there on returns it. */
    boolean isFinishedBefore(Instant horizon) {
        return emitted() && !redeliver && lastUpdate != null && lastUpdate.isBefore(horizon);
    }

    SessionMark toRedeliver() {
        return new SessionMark(emittedFiles, lastUpdate, quietSince, quietFiles, true);
    }
}
