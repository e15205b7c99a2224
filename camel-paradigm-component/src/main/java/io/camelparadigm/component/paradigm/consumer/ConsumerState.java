package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelparadigm.component.paradigm.client.ParadigmJson;

/**
 * The position of a consumer, stored as one JSON value: the watermark (every change before it was delivered), the
 * listing in progress, the last delivered status of each file still worth remembering, the files whose last change
 * was sent but not completed, and the upload sessions a sessionEvents consumer follows. Remembers whether it changed
 * since it was last saved. Thread-safe: exchanges complete on other threads than the poll.
 */
final class ConsumerState {

    /** The stored form. {@code initialized} is false until the first start chose its starting point. */
    record Snapshot(boolean initialized, Instant watermark, ListingPosition listing, Map<Long, FileMark> files,
                    Set<Long> undelivered, Map<String, SessionMark> sessions) {
    }

    private boolean initialized;
    private Instant watermark;
    private ListingPosition listing;
    private final Map<Long, FileMark> files = new TreeMap<>();
    private final Set<Long> undelivered = new TreeSet<>();
    private final Map<String, SessionMark> sessions = new TreeMap<>();
    private boolean changed;

    static ConsumerState fromJson(String json) {
        ConsumerState state = new ConsumerState();
        if (json == null || json.isBlank()) {
            return state;
        }
        try {
            Snapshot snapshot = ParadigmJson.mapper().readValue(json, Snapshot.class);
            state.initialized = snapshot.initialized();
            state.watermark = snapshot.watermark();
            state.listing = snapshot.listing();
            if (snapshot.files() != null) {
                state.files.putAll(snapshot.files());
            }
            if (snapshot.undelivered() != null) {
                state.undelivered.addAll(snapshot.undelivered());
            }
            if (snapshot.sessions() != null) {
                state.sessions.putAll(snapshot.sessions());
            }
            return state;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The paradigm consumer state cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    synchronized String toJson() {
        try {
            // the maps change only under this lock: written as they are, without a copy (large at a first start)
            return ParadigmJson.mapper().writeValueAsString(new Snapshot(initialized, watermark, listing, files,
                    undelivered, sessions));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The paradigm consumer state cannot be written", e);
        }
    }

    /** True when the state changed since the last call. */
    synchronized boolean takeChanged() {
        boolean answer = changed;
        changed = false;
        return answer;
    }

    synchronized boolean isInitialized() {
        return initialized;
    }

    synchronized void initialize(Instant startWatermark) {
        this.initialized = true;
        this.watermark = startWatermark;
        changed = true;
    }

    /** Where the next listing starts (inclusive); null to list every file. */
    synchronized Instant watermark() {
        return watermark;
    }

    synchronized ListingPosition listing() {
        return listing;
    }

    synchronized void listing(ListingPosition position) {
        if (!position.equals(listing)) {
            listing = position;
            changed = true;
        }
    }

    /**
     * The listing in progress ended. When it listed any file the watermark moves to its upper bound, and the
     * finished files and sessions it cannot return any more are forgotten; a listing that found nothing leaves the
     * watermark where it was (the next listing then covers the same empty span at no cost, and nothing is written).
     */
    synchronized void finishListing(boolean listedAnyFile) {
        if (listedAnyFile && listing != null && (watermark == null || listing.until().isAfter(watermark))) {
            watermark = listing.until();
            files.entrySet().removeIf(file -> file.getValue().isFinishedBefore(watermark)
                                              && !undelivered.contains(file.getKey()));
            sessions.values().removeIf(mark -> mark.isFinishedBefore(watermark));
        }
        if (listing != null) {
            listing = null;
            changed = true;
        }
    }

    synchronized FileMark mark(long fileId) {
        return files.get(fileId);
    }

    /**
     * Remembers what was delivered for a file. A finished file is not kept when no listing can return it again: the
     * state holds the files in progress, not the workspace. That is the case when its last change is older than the
     * watermark, or older than the upper bound of the listing in progress that {@code listedBy} names, if that listing
     * already went past it ({@code listedBy}: the upper bound of the listing the change came from, null when the
     * change was read otherwise). A file with a newer change waiting to be delivered is always kept.
     */
    synchronized void commit(long fileId, FileMark mark, Instant listedBy) {
        boolean gone = !undelivered.contains(fileId)
                       && (watermark != null && mark.isFinishedBefore(watermark)
                           || listedBy != null && listing != null && listedBy.equals(listing.until())
                              && mark.isFinishedBefore(listedBy));
        if (gone) {
            changed |= files.remove(fileId) != null;
        } else if (!mark.equals(files.put(fileId, mark))) {
            changed = true;
        }
    }

    synchronized Set<Long> undelivered() {
        return new TreeSet<>(undelivered);
    }

    synchronized void undelivered(long fileId, boolean pending) {
        changed |= pending ? undelivered.add(fileId) : undelivered.remove(fileId);
    }

    synchronized Map<String, SessionMark> sessions() {
        return new TreeMap<>(sessions);
    }

    synchronized SessionMark session(String uuid) {
        return sessions.get(uuid);
    }

    synchronized void session(String uuid, SessionMark mark) {
        if (!mark.equals(sessions.put(uuid, mark))) {
            changed = true;
        }
    }

    synchronized void forgetSession(String uuid) {
        changed |= sessions.remove(uuid) != null;
    }
}
