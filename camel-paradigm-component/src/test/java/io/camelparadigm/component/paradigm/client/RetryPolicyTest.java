package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final List<Long> sleeps = new ArrayList<>();

    private RetryPolicy policy(int maxRetries, double random) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(60),
                sleeps::add, () -> random);
    }

    /** A failure while most of the key's recent requests fail: the backoff rules apply in full. */
    private static FailedAttempt status(int status, Long retryAfter) {
        return FailedAttempt.answered(apiError(status, retryAfter), null, true);
    }

    private static ParadigmApiException apiError(int status, Long retryAfter) {
        return new ParadigmApiException("op", status, "reason", "code", "error", "detail", retryAfter,
                "HTTP " + status);
    }

    /** A broken exchange while most of the key's recent requests fail. */
    private static FailedAttempt broken(IOException cause) {
        return FailedAttempt.broken(cause, new ParadigmException("op", "POST /x failed: " + cause, cause), true);
    }

    /** Fails with the given failures in turn, then answers "ok"; counts the tries. */
    private static final class Script implements RetryPolicy.Attempt<String> {
        private final Iterator<FailedAttempt> failures;
        final AtomicInteger tries = new AtomicInteger();

        Script(FailedAttempt... failures) {
            this.failures = List.of(failures).iterator();
        }

        @Override
        public String run() throws FailedAttempt {
            tries.incrementAndGet();
            if (failures.hasNext()) {
                throw failures.next();
            }
            return "ok";
        }
    }

    @Test
    void tooManyRequestsWaitsWhatRetryAfterSaysThenSucceeds() {
        Script script = new Script(status(429, 3L));

        assertThat(policy(5, 0).run("op", Resend.ALWAYS, script, () -> null)).isEqualTo("ok");

        assertThat(script.tries).hasValue(2);
        assertThat(sleeps).containsExactly(3_000L);
    }

    @Test
    void retryAfterIsJitteredByAtMostTheInitialDelay() {
        policy(5, 1).run("op", Resend.ALWAYS, new Script(status(503, 2L)), () -> null);

        assertThat(sleeps).containsExactly(2_100L);
    }

    @Test
    void retryAfterBeyondTheCapFailsAtOnceSayingSo() {
        Script script = new Script(status(429, 120L));

        assertThatThrownBy(() -> policy(5, 0).run("op", Resend.ALWAYS, script, () -> null))
                .isInstanceOfSatisfying(ParadigmApiException.class, e -> {
                    assertThat(e.getHttpStatus()).isEqualTo(429);
                    assertThat(e.getRetryAfterSeconds()).isEqualTo(120L);
                })
                .hasMessageContaining("asked to wait 120 s").hasMessageContaining("maxRetryAfter=60 s");
        assertThat(script.tries).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheMaxWithJitterDownToHalf() {
        RetryPolicy highest = policy(10, 1);
        RetryPolicy lowest = policy(10, 0);

        assertThat(List.of(1, 2, 3, 4, 40).stream().map(n -> highest.backoff(n).toMillis()))
                .containsExactly(100L, 200L, 400L, 500L, 500L);
        assertThat(List.of(1, 2, 3, 4).stream().map(n -> lowest.backoff(n).toMillis()))
                .containsExactly(50L, 100L, 200L, 250L);
    }

    @Test
    void badGatewayAndLostAnswersOfReadsAreRetriedWithBackoff() {
        Script script = new Script(status(502, null), broken(new NoHttpResponseException("gone")), status(504, null));

        assertThat(policy(5, 1).run("op", Resend.ALWAYS, script, () -> null)).isEqualTo("ok");

        assertThat(script.tries).hasValue(4);
        assertThat(sleeps).containsExactly(100L, 200L, 400L);
    }

    @Test
    void waitsTheServerAskedForDoNotGrowTheBackoff() {
        Script script = new Script(status(429, 1L), status(429, 1L), status(502, null), status(429, 1L),
                broken(new NoHttpResponseException("gone")));

        assertThat(policy(10, 1).run("op", Resend.ALWAYS, script, () -> null)).isEqualTo("ok");

        assertThat(script.tries).hasValue(6);
        // the 502 is the first failure without Retry-After, the lost answer the second
        assertThat(sleeps).containsExactly(1_100L, 1_100L, 100L, 1_100L, 200L);
    }

    @Test
    void otherErrorStatusesAreFinal() {
        Script script = new Script(status(400, null));

        assertThatThrownBy(() -> policy(5, 0).run("op", Resend.ALWAYS, script, () -> null))
                .isInstanceOf(ParadigmApiException.class).hasMessage("op: HTTP 400");
        assertThat(script.tries).hasValue(1);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastError() {
        Script script = new Script(status(502, null), status(502, null), status(502, null), status(502, null));

        assertThatThrownBy(() -> policy(2, 0).run("op", Resend.ALWAYS, script, () -> null))
                .isInstanceOf(ParadigmApiException.class).hasMessageContaining("gave up after 3 attempts");
        assertThat(script.tries).hasValue(3);
    }

    @Test
    void zeroRetriesRaisesTheErrorUnchanged() {
        assertThatThrownBy(() -> policy(0, 0).run("op", Resend.ALWAYS, new Script(status(429, 1L)), () -> null))
                .hasMessage("op: HTTP 429");
    }

    @Test
    void uploadWithoutExternalIdIsResentOnlyWhenItSurelyDidNotReachTheService() {
        Script notReached = new Script(broken(new ConnectException("refused")), status(429, 0L), status(503, 0L));
        assertThat(policy(5, 0).run("upload", Resend.ONLY_IF_NOT_RECEIVED, notReached, () -> null)).isEqualTo("ok");
        assertThat(notReached.tries).hasValue(4);

        for (FailedAttempt ambiguous : List.of(broken(new NoHttpResponseException("gone")), status(502, null),
                status(504, null))) {
            Script script = new Script(ambiguous);
            assertThatThrownBy(() -> policy(5, 0).run("upload", Resend.ONLY_IF_NOT_RECEIVED, script, () -> null))
                    .hasMessageContaining("not re-sent").hasMessageContaining("externalId");
            assertThat(script.tries).hasValue(1);
        }
    }

    @Test
    void uploadWithExternalIdReturnsWhatTheLookupFindsInsteadOfResending() {
        Script script = new Script(broken(new NoHttpResponseException("gone")));
        AtomicInteger lookups = new AtomicInteger();

        String result = policy(5, 0).run("upload", Resend.AFTER_LOOKUP, script, () -> {
            lookups.incrementAndGet();
            return "found";
        });

        assertThat(result).isEqualTo("found");
        assertThat(script.tries).hasValue(1);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void uploadWithExternalIdIsResentWhenTheLookupFindsNothing() {
        Script script = new Script(status(502, null));
        AtomicInteger lookups = new AtomicInteger();

        assertThat(policy(5, 0).run("upload", Resend.AFTER_LOOKUP, script, () -> {
            lookups.incrementAndGet();
            return null;
        })).isEqualTo("ok");

        assertThat(script.tries).hasValue(2);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void uploadWithExternalIdIsNotLookedUpAfterAnAnswerThatSaysNothingWasStored() {
        AtomicInteger lookups = new AtomicInteger();

        policy(5, 0).run("upload", Resend.AFTER_LOOKUP, new Script(status(429, 0L)), () -> {
            lookups.incrementAndGet();
            return null;
        });

        assertThat(lookups).hasValue(0);
    }

    @Test
    void theLookUpIsThePauseTheFirstTimeAnUploadGetsABadGatewayOrLosesItsConnection() {
        for (FailedAttempt first : List.of(status(502, null), broken(new NoHttpResponseException("gone")),
                broken(new SocketException("Connection reset")))) {
            sleeps.clear();
            Script script = new Script(status(429, 1L), first, status(502, null));
            AtomicInteger lookups = new AtomicInteger();

            assertThat(policy(5, 1).run("upload", Resend.AFTER_LOOKUP, script, () -> {
                lookups.incrementAndGet();
                return null;
            })).isEqualTo("ok");

            assertThat(script.tries).hasValue(4);
            assertThat(lookups).hasValue(2);
            // the 429's Retry-After, no backoff before the first look-up, the second 502's backoff (its second)
            assertThat(sleeps).containsExactly(1_100L, 200L);
        }
    }

    @Test
    void theBackoffComesBeforeTheLookUpWhenTheServiceMayStillBeStoringTheUpload() {
        for (FailedAttempt stillRunning : List.of(status(504, null),
                broken(new SocketTimeoutException("Read timed out")))) {
            sleeps.clear();
            AtomicInteger lookups = new AtomicInteger();

            policy(5, 1).run("upload", Resend.AFTER_LOOKUP, new Script(stillRunning), () -> {
                lookups.incrementAndGet();
                return null;
            });

            assertThat(lookups).hasValue(1);
            assertThat(sleeps).containsExactly(100L);
        }
    }

    @Test
    void aLone429AmongSuccessesWaitsItsRetryAfterWithoutJitterAndLimitsKeepTheirs() {
        KeyGate gate = KeyGate.unshared("http://127.0.0.1");
        for (int i = 0; i < 20; i++) {
            gate.acquire("op", false, Duration.ofSeconds(60)).answered(201, null, null);
        }
        FailedAttempt alone = answeredBy(gate, 429, null);
        FailedAttempt tooManyUploads = answeredBy(gate, 429, Throttling.TOO_MANY_CONCURRENT_UPLOADS);
        assertThat(alone.throttling()).isEqualTo(Throttling.TRANSIENT);
        assertThat(tooManyUploads.throttling()).isEqualTo(Throttling.CONCURRENCY);

        policy(5, 1).run("op", Resend.ALWAYS, new Script(alone, tooManyUploads, status(503, 1L)), () -> null);

        assertThat(sleeps).containsExactly(1_000L, 1_100L, 1_100L);
    }

    /** A 429 with Retry-After 1 s as the client makes it: read by the key's gate first. */
    private static FailedAttempt answeredBy(KeyGate gate, int status, String code) {
        Throttling throttling = gate.acquire("op", false, Duration.ofSeconds(60)).answered(status, code, 1L);
        return FailedAttempt.answered(apiError(status, 1L), throttling, gate.serviceFailing());
    }

    @Test
    void aLoneBreakAmongSuccessesIsTriedAgainAtOnceAndTheBackoffReturnsWhenTheServiceLooksDown() {
        KeyGate gate = KeyGate.unshared("http://127.0.0.1");
        for (int i = 0; i < 20; i++) {
            gate.acquire("op", false, Duration.ofSeconds(60)).answered(201, null, null);
        }
        FailedAttempt badGateway = answeredBy(gate, 502, null);
        FailedAttempt lostAnswer = lostBy(gate);
        FailedAttempt gatewayTimeout = answeredBy(gate, 504, null);
        FailedAttempt refused = notConnectedBy(gate);
        assertThat(List.of(badGateway, lostAnswer, gatewayTimeout, refused))
                .extracting(FailedAttempt::isolatedBreak).containsExactly(true, true, false, false);

        // reads, and an upload's look-ups before re-sending it: no backoff before the break's next request
        policy(10, 1).run("op", Resend.ALWAYS, new Script(badGateway, lostAnswer, badGateway), () -> null);
        AtomicInteger lookups = new AtomicInteger();
        policy(10, 1).run("upload", Resend.AFTER_LOOKUP, new Script(lostAnswer, badGateway, lostAnswer), () -> {
            lookups.incrementAndGet();
            return null;
        });
        assertThat(sleeps).isEmpty();
        assertThat(lookups).hasValue(3);

        // a 504 or a refused connection says the service is slow or not there: the backoff stays
        policy(10, 1).run("op", Resend.ALWAYS, new Script(gatewayTimeout, refused), () -> null);
        assertThat(sleeps).containsExactly(100L, 200L);

        // half the key's recent requests failed: the service looks down, and a break backs off again
        for (int i = 0; i < 7; i++) {
            lostBy(gate);
        }
        assertThat(gate.serviceFailing()).isTrue();
        sleeps.clear();
        policy(10, 1).run("op", Resend.ALWAYS, new Script(answeredBy(gate, 502, null), lostBy(gate)), () -> null);
        assertThat(sleeps).containsExactly(100L, 200L);
    }

    /** A request the gate let through whose connection closed with no answer, as the client reports it. */
    private static FailedAttempt lostBy(KeyGate gate) {
        gate.acquire("op", false, Duration.ofSeconds(60)).unanswered();
        IOException cause = new NoHttpResponseException("gone");
        return FailedAttempt.broken(cause, new ParadigmException("op", "POST /x failed: " + cause, cause),
                gate.serviceFailing());
    }

    private static FailedAttempt notConnectedBy(KeyGate gate) {
        gate.acquire("op", false, Duration.ofSeconds(60)).unanswered();
        IOException cause = new ConnectException("refused");
        return FailedAttempt.broken(cause, new ParadigmException("op", "POST /x failed: " + cause, cause),
                gate.serviceFailing());
    }

    @Test
    void oneShotStreamIsNeverResentAndTheErrorSaysWhy() {
        for (FailedAttempt failure : List.of(status(503, 1L), broken(new ConnectException("refused")))) {
            Script script = new Script(failure);
            assertThatThrownBy(() -> policy(5, 0).run("upload", Resend.NEVER, script, () -> null))
                    .hasMessageContaining("the body is a one-shot stream and cannot be re-sent")
                    .hasMessageContaining("File/Path/byte[]");
            assertThat(script.tries).hasValue(1);
        }
    }

    @Test
    void interruptedWaitStopsRetryingAndKeepsTheInterrupt() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500),
                Duration.ofSeconds(60), millis -> {
                    throw new InterruptedException();
                }, () -> 0);
        try {
            assertThatThrownBy(() -> policy.run("op", Resend.ALWAYS, new Script(status(502, null)), () -> null))
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        assertThat(ParadigmClient.parseRetryAfter("7")).isEqualTo(7L);
        assertThat(ParadigmClient.parseRetryAfter(" 0 ")).isZero();
        assertThat(ParadigmClient.parseRetryAfter(DateUtils.formatStandardDate(Instant.now().plusSeconds(3600))))
                .isBetween(3_500L, 3_600L);
        assertThat(ParadigmClient.parseRetryAfter(DateUtils.formatStandardDate(Instant.now().minusSeconds(60))))
                .isZero();
        assertThat(ParadigmClient.parseRetryAfter("soon")).isNull();
        assertThat(ParadigmClient.parseRetryAfter(null)).isNull();
    }
}
