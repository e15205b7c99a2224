package io.camelparadigm.component.paradigm.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a failed request is sent again, and after how long.
 * <ul>
 * <li>429 and 503 wait what {@code Retry-After} says, plus a jitter of up to a tenth of it (at most
 * {@code initialDelay}) so throttled requests do not all come back at once; a 429 the key's gate read as
 * {@link Throttling#TRANSIENT} (one among successes) waits {@code Retry-After} alone, its retry being as spread as
 * the requests were. A {@code Retry-After} longer than {@code maxRetryAfter} fails at once instead of looking like a
 * hang. Without {@code Retry-After}, they back off like the others.</li>
 * <li>502, 504 and broken connections back off exponentially from {@code initialDelay} up to {@code maxDelay},
 * each delay drawn between half and all of its value (jitter); the exponent counts these failures of the request
 * only, not the 429s and 503s whose Retry-After it waited.</li>
 * <li>A lone break is no outage: a 502 or a connection closed with no answer while most of the key's recent requests
 * succeed ({@link FailedAttempt#isolatedBreak()}) is tried again at once (an upload's look-up first): the service
 * stopped working on that request and is up. Once half the key's recent requests fail, the backoff applies.</li>
 * <li>The look-up is the pause: the first time an upload with an external id gets a 502 or loses its connection,
 * its external id is looked up at once, without the backoff. The look-up is a request of its own (with its own
 * retries and backoff if the service is not there), and the service had stopped working on the upload, so what it
 * stored shows now. After a 504 or a response timeout the service may still be storing it: the backoff comes
 * first, as it does from the second such failure of the same upload on.</li>
 * <li>At most {@code maxRetries} retries; any other error status is final at once.</li>
 * <li>What may be re-sent depends on the request ({@link Resend}): an upload is not idempotent.</li>
 * </ul>
 * Immutable and thread-safe. Each retry is logged at DEBUG with the operation, the attempt and the reason.
 */
public final class RetryPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);

    static final String ONE_SHOT_STREAM = "not re-sent: the body is a one-shot stream and cannot be re-sent; send a "
                                          + "File/Path/byte[] to allow retries";
    static final String NO_EXTERNAL_ID = "not re-sent: the upload may have been stored and, without an external id, "
                                         + "a second copy could not be told apart (set externalId to let retries "
                                         + "check before re-sending)";

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter) {
        this(maxRetries, initialDelay, maxDelay, maxRetryAfter, Thread::sleep,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper,
                DoubleSupplier random) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.initialDelay = positive(initialDelay, "initialDelay");
        this.maxDelay = positive(maxDelay, "maxDelay");
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Every failure is final. */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO);
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** One try of a request: its result, or why it failed. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws FailedAttempt;
    }

    /** Looks for what a request whose answer was lost did; null when it did nothing. */
    @FunctionalInterface
    interface Recovery<T> {
        T find();
    }

    /**
     * Runs {@code attempt} until it succeeds, fails for good, or the retries are spent.
     *
     * @param recovery for {@link Resend#AFTER_LOOKUP}: asked, before re-sending, whether the lost request took effect
     * @param onRetry  told before each retry is sent
     * @throws ParadigmException the last failure, its message saying why it was not retried when that is not obvious
     */
    <T> T run(String operation, Resend resend, Attempt<T> attempt, Recovery<T> recovery, Runnable onRetry) {
        int backoffs = 0;
        for (int number = 1; ; number++) {
            FailedAttempt failure;
            try {
                return attempt.run();
            } catch (FailedAttempt failed) {
                failure = failed;
            }
            if (failure.retryAfterSeconds() == null) {
                backoffs++;
            }
            Duration delay = delayBeforeRetry(failure, resend, number, backoffs);
            LOG.debug("{}: attempt {} of {} failed ({}); retrying in {} ms", operation, number, maxRetries + 1,
                    failure.reason(), delay.toMillis());
            sleep(operation, delay, failure);
            if (resend == Resend.AFTER_LOOKUP && failure.mayHaveReachedService()) {
                T done = recovery.find();
                if (done != null) {
                    LOG.debug("{}: the request of attempt {} had taken effect; not re-sent", operation, number);
                    return done;
                }
            }
            onRetry.run();
        }
    }

    <T> T run(String operation, Resend resend, Attempt<T> attempt, Recovery<T> recovery) {
        return run(operation, resend, attempt, recovery, () -> { });
    }

    /**
     * How long to wait before another try after this failure; throws the error when there is to be none.
     *
     * @param backoffs the failures of this request so far that had no Retry-After, this one included: the backoff
     *                 grows with them only, since waiting what the server asked says nothing about an outage
     */
    Duration delayBeforeRetry(FailedAttempt failure, Resend resend, int attemptNumber, int backoffs)
            throws ParadigmException {
        if (!failure.retryable() || maxRetries == 0) {
            throw failure.error();
        }
        if (resend == Resend.NEVER) {
            throw failure.error(ONE_SHOT_STREAM);
        }
        if (resend == Resend.ONLY_IF_NOT_RECEIVED && failure.mayHaveReachedService()) {
            throw failure.error(NO_EXTERNAL_ID);
        }
        if (attemptNumber > maxRetries) {
            throw failure.error("gave up after " + attemptNumber + " attempts (maxRetries=" + maxRetries + ")");
        }
        Long retryAfter = failure.retryAfterSeconds();
        if (retryAfter == null) {
            return failure.isolatedBreak() || lookUpAtOnce(failure, resend, backoffs) ? Duration.ZERO
                    : backoff(backoffs);
        }
        if (retryAfter > maxRetryAfter.toSeconds()) {
            throw failure.error("the server asked to wait " + retryAfter + " s before retrying, more than maxRetryAfter="
                                + maxRetryAfter.toSeconds() + " s: failing now instead of waiting");
        }
        Duration wait = Duration.ofSeconds(retryAfter);
        if (failure.throttling() == Throttling.TRANSIENT) {
            // a 429 now and then among successes: the retries are as spread as the requests were
            return wait;
        }
        // a little jitter so throttled requests do not all come back at once, small beside the wait itself
        Duration tenth = wait.dividedBy(10);
        return wait.plus(jitter(tenth.compareTo(initialDelay) < 0 ? tenth : initialDelay));
    }

    /** Whether the look-up before re-sending takes the place of the backoff ("the look-up is the pause"). */
    private static boolean lookUpAtOnce(FailedAttempt failure, Resend resend, int backoffs) {
        return resend == Resend.AFTER_LOOKUP && failure.mayHaveReachedService() && !failure.mayStillBeRunning()
               && backoffs == 1;
    }

    /** Exponential backoff of the n-th retry (from 1), capped at maxDelay, drawn between half and all of it. */
    Duration backoff(int retryNumber) {
        long base = initialDelay.toMillis() << Math.min(retryNumber - 1, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, maxDelay.toMillis());
        return Duration.ofMillis(capped / 2 + Math.round(random.getAsDouble() * (capped - capped / 2)));
    }

    private Duration jitter(Duration upTo) {
        return Duration.ofMillis(Math.round(random.getAsDouble() * upTo.toMillis()));
    }

    private void sleep(String operation, Duration delay, FailedAttempt failure) {
        if (delay.isZero()) {
            return;
        }
        try {
            sleeper.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ParadigmException interrupted = failure.error("interrupted while waiting to retry");
            interrupted.addSuppressed(e);
            throw interrupted;
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries=" + maxRetries + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
               + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Waits; a seam for unit tests, which must not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }
}
