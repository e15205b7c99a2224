package io.camelparadigm.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Groups each caller's uploads into sessions: an upload less than the session window after the caller's
 * previous one joins its session, otherwise it opens a new one. Also counts uploads in flight per session.
 */
final class UploadSessions {

    private static final class Session {
        final String uuid = UUID.randomUUID().toString();
        long lastUploadMicros;
        int inFlight;
    }

    private final long windowMicros;
    private final Map<String, Session> currentByCaller = new HashMap<>();
    private final Map<String, Session> byUuid = new HashMap<>();

    UploadSessions(long windowMicros) {
        this.windowMicros = windowMicros;
    }

    /**
     * Starts an upload for {@code caller}; returns its session's uuid, or {@code null} when the session
     * already has {@code maxInFlight} uploads in flight (0 = no limit).
     */
    synchronized String begin(String caller, long nowMicros, int maxInFlight) {
        Session session = currentByCaller.get(caller);
        if (session == null || nowMicros - session.lastUploadMicros >= windowMicros) {
            session = new Session();
            currentByCaller.put(caller, session);
            byUuid.put(session.uuid, session);
        }
        if (maxInFlight > 0 && session.inFlight >= maxInFlight) {
            return null;
        }
        session.inFlight++;
        session.lastUploadMicros = Math.max(session.lastUploadMicros, nowMicros);
        return session.uuid;
    }

    synchronized void end(String uuid) {
        Session session = byUuid.get(uuid);
        if (session != null && session.inFlight > 0) {
            session.inFlight--;
        }
    }

    synchronized void clear() {
        currentByCaller.clear();
        byUuid.clear();
    }
}
