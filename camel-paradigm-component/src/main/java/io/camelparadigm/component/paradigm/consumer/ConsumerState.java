package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelparadigm.component.paradigm.client.ParadigmJson;

/**
 * The position of a consumer: the watermark (changes up to it were delivered) and the last status of each file
 * still worth remembering, plus the upload sessions a sessionEvents consumer follows. Stored as one JSON value.
 * Thread-safe: exchanges complete on other threads than the poll.
 */
final class ConsumerState {

    /** The stored form. {@code initialized} is false until the first start chose its starting point. */
    record Snapshot(boolean initialized, Instant watermark, Map<Long, FileMark> files,
                    Map<String, SessionMark> sessions) {
    }

    private boolean initialized;
    private Instant watermark;
    private final Map<Long, FileMark> files = new TreeMap<>();
    private final Map<String, SessionMark> sessions = new TreeMap<>();

    static ConsumerState fromJson(String json) {
        ConsumerState state = new ConsumerState();
        if (json == null || json.isBlank()) {
            return state;
        }
        try {
            Snapshot snapshot = ParadigmJson.mapper().readValue(json, Snapshot.class);
            state.initialized = snapshot.initialized();
            state.watermark = snapshot.watermark();
            if (snapshot.files() != null) {
                state.files.putAll(snapshot.files());
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
            return ParadigmJson.mapper().writeValueAsString(
                    new Snapshot(initialized, watermark, new TreeMap<>(files), new TreeMap<>(sessions)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The paradigm consumer state cannot be written", e);
        }
    }

    synchronized boolean isInitialized() {
        return initialized;
    }

    synchronized void initialize(Instant startWatermark) {
        this.initialized = true;
        this.watermark = startWatermark;
    }

    synchronized Instant watermark() {
        return watermark;
    }

    /** Where the next listing starts: the watermark minus the overlap, or null to list everything. */
    synchronized Instant listingStart(Duration overlap) {
        return watermark == null ? null : watermark.minus(overlap);
    }

    synchronized FileMark mark(long fileId) {
        return files.get(fileId);
    }

    synchronized void commit(long fileId, FileMark mark) {
        files.put(fileId, mark);
    }

    /**
     * Moves the watermark forward (never back) and forgets terminal files the next listing cannot return
     * any more, so the state holds the files in progress plus those that ended within the overlap.
     */
    synchronized void advanceWatermark(Instant candidate, Duration overlap) {
        if (candidate != null && (watermark == null || candidate.isAfter(watermark))) {
            watermark = candidate;
        }
        if (watermark != null) {
            Instant horizon = watermark.minus(overlap);
            files.values().removeIf(mark -> mark.terminal() && mark.updatedAt() != null
                                            && mark.updatedAt().isBefore(horizon));
            sessions.values().removeIf(mark -> mark.emitted() && mark.lastUpdate() != null
                                               && mark.lastUpdate().isBefore(horizon));
        }
    }

    synchronized int fileCount() {
        return files.size();
    }

    synchronized Map<String, SessionMark> sessions() {
        return new TreeMap<>(sessions);
    }

    synchronized SessionMark session(String uuid) {
        return sessions.get(uuid);
    }

    synchronized void session(String uuid, SessionMark mark) {
        sessions.put(uuid, mark);
    }
}
