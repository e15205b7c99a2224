package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a consumer with no stored state starts: {@code all} (the current state of every matching file),
 * {@code now} (only changes from now on, by this machine's clock) or an ISO-8601 instant (changes since then).
 */
final class StartFrom {

    private StartFrom() {
    }

    /** The first watermark: null lists every file; otherwise only files updated since then (minus the overlap). */
    static Instant watermark(String startFrom, Instant now) {
        if (startFrom == null || startFrom.isBlank() || startFrom.equalsIgnoreCase("now")) {
            return now;
        }
        if (startFrom.equalsIgnoreCase("all")) {
            return null;
        }
        try {
            return Instant.parse(startFrom.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "startFrom must be all, now or an ISO-8601 instant such as 2025-01-01T00:00:00Z, not '"
                                               + startFrom + "'");
        }
    }
}
