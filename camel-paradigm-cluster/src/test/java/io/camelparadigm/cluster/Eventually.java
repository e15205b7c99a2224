package io.camelparadigm.cluster;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a generous timeout, checking it every 20 ms. */
final class Eventually {

    private Eventually() {
    }

    static void until(Duration timeout, String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.call()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
                }
                Thread.sleep(20);
            }
        } catch (RuntimeException | AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Failed while waiting for " + what, e);
        }
    }
}
