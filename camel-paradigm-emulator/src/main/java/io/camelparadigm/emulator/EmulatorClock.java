package io.camelparadigm.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The emulator's time, at microsecond precision (the precision of the API's timestamps). A manual clock
 * moves only when told to; a real clock follows the wall clock.
 */
final class EmulatorClock {

    private final Clock wallClock;
    private final Instant start;
    private Instant manualNow;

    private EmulatorClock(Clock wallClock, Instant start) {
        this.wallClock = wallClock;
        this.start = start;
        this.manualNow = start;
    }

    static EmulatorClock manual(Instant start) {
        return new EmulatorClock(null, start.truncatedTo(ChronoUnit.MICROS));
    }

    static EmulatorClock real() {
        return new EmulatorClock(Clock.systemUTC(), null);
    }

    boolean isManual() {
        return wallClock == null;
    }

    synchronized Instant now() {
        return isManual() ? manualNow : wallClock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    synchronized void advance(Duration duration) {
        requireManual("advance");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time only moves forward: " + duration);
        }
        manualNow = manualNow.plus(duration).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves a manual clock to {@code instant} if that is later than now; no effect on a real clock. */
    synchronized void moveForwardTo(Instant instant) {
        if (isManual() && instant.isAfter(manualNow)) {
            manualNow = instant;
        }
    }

    synchronized void reset() {
        if (isManual()) {
            manualNow = start;
        }
    }

    private void requireManual(String operation) {
        if (!isManual()) {
            throw new IllegalStateException(operation + " needs a manual clock; this emulator runs on the real clock");
        }
    }
}
