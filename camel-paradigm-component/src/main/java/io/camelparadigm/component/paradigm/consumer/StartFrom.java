package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Where a consumer with no stored state starts: {@code all} (the current state of every matching file),
 * {@code now} (changes from the consumer's start, by the server's clock) or an ISO-8601 instant (changes since
 * then, by the server's clock).
 *
 * @param instant the instant given; null for all and now
 */
record StartFrom(boolean all, Instant instant) {

    static StartFrom parse(String startFrom) {
        if (startFrom == null || startFrom.isBlank() || startFrom.equalsIgnoreCase("now")) {
            return new StartFrom(false, null);
        }
        if (startFrom.equalsIgnoreCase("all")) {
            return new StartFrom(true, null);
        }
        try {
            return new StartFrom(false, Instant.parse(startFrom.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "startFrom must be all, now or an ISO-8601 instant such as 2025-01-01T00:00:00Z, not '"
                                               + startFrom + "'");
        }
    }

    boolean now() {
        return !all && instant == null;
    }
}
