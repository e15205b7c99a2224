package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;

/**
 * An upload session the sessionEvents consumer follows: still open ({@code emittedFiles} = 0), or emitted with
 * this many files whose newest change was at {@code lastUpdate}.
 */
public record SessionMark(int emittedFiles, Instant lastUpdate, Instant quietSince, int quietFiles) {

    static SessionMark open() {
        return new SessionMark(0, null, null, 0);
    }

    boolean emitted() {
        return emittedFiles > 0;
    }
}
