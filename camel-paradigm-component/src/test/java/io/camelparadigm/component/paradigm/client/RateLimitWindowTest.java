package io.camelparadigm.component.paradigm.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The learned rate limit, on a clock the test moves: no request waits here, the decisions are asserted. */
class RateLimitWindowTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final RateLimitWindow window = new RateLimitWindow(MINUTE, now::get);

    private void admit(int count) {
        for (int i = 0; i < count; i++) {
            window.acquire("op", MINUTE);
            window.admitted();
        }
    }

    private void advance(long nanos) {
        now.addAndGet(nanos);
    }

    @Test
    void noLimitIsAssumedBeforeTheServiceRefusesARequestForItsRate() {
        admit(5_000);

        assertThat(window.limit()).isEqualTo(RateLimitWindow.UNKNOWN);
        assertThat(window.nanosUntilAllowed(now.get())).isZero();
    }

    @Test
    void aRefusalHoldsEveryRequestForItsRetryAfterThenAdmitsWhatThePeriodAdmitted() {
        admit(100);
        window.acquire("op", MINUTE);
        window.refused(59L);

        assertThat(window.limit()).isEqualTo(100);
        assertThat(window.hold()).isEqualTo(Duration.ofSeconds(59));
        assertThat(window.nanosUntilAllowed(now.get())).isEqualTo(59 * SECOND);

        advance(59 * SECOND);
        assertThat(window.nanosUntilAllowed(now.get())).as("the 100 admitted a minute ago leave in 1 s").isEqualTo(SECOND);

        advance(SECOND);
        assertThat(window.nanosUntilAllowed(now.get())).isZero();
        admit(100);
        assertThat(window.nanosUntilAllowed(now.get())).as("a full window again").isEqualTo(60 * SECOND);
    }

    @Test
    void requestsInFlightCountAgainstTheLimit() {
        admit(10);
        advance(30 * SECOND);
        window.acquire("op", MINUTE);
        window.refused(0L);
        advance(30 * SECOND);

        for (int i = 0; i < 10; i++) {
            window.acquire("op", MINUTE);
        }

        assertThat(window.nanosUntilAllowed(now.get())).isPositive();
        window.released();
        assertThat(window.nanosUntilAllowed(now.get())).isZero();
    }

    @Test
    void answersThatWereOnTheirWayWhenTheLimitWasSetRaiseIt() {
        admit(90);
        for (int i = 0; i < 10; i++) {
            window.acquire("op", MINUTE);
        }
        window.acquire("op", MINUTE);
        window.refused(30L);
        for (int i = 0; i < 10; i++) {
            window.admitted();
        }

        assertThat(window.limit()).isEqualTo(100);
    }

    @Test
    void aWholePeriodHeldBackWithoutRefusalProbesATenthHigher() {
        admit(100);
        window.acquire("op", MINUTE);
        window.refused(0L);
        assertThat(window.nanosUntilAllowed(now.get())).as("held back").isPositive();

        advance(60 * SECOND);

        assertThat(window.nanosUntilAllowed(now.get())).isZero();
        assertThat(window.limit()).isEqualTo(110);
    }

    @Test
    void aWindowNeverHeldBackIsNotProbedUpward() {
        admit(100);
        window.acquire("op", MINUTE);
        window.refused(0L);

        advance(120 * SECOND);
        window.nanosUntilAllowed(now.get());

        assertThat(window.limit()).isEqualTo(100);
    }

    @Test
    void aRefusalWithNothingAdmittedStillLetsOneRequestAPeriodThrough() {
        window.acquire("op", MINUTE);
        window.refused(2L);

        assertThat(window.limit()).isEqualTo(1);
        advance(2 * SECOND);
        assertThat(window.nanosUntilAllowed(now.get())).isZero();
    }

    @Test
    void aLaterShorterRetryAfterDoesNotShortenTheHold() {
        window.acquire("op", MINUTE);
        window.acquire("op", MINUTE);
        window.refused(30L);
        window.refused(1L);

        assertThat(window.hold()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aHoldLongerThanTheCallerWaitsFailsAtOnceSayingSo() {
        window.acquire("op", MINUTE);
        window.refused(600L);

        assertThatThrownBy(() -> window.acquire("upload", MINUTE))
                .isInstanceOf(ParadigmException.class)
                .hasMessage("upload: the service's rate limit holds the requests of this key for another 600 s (its "
                            + "Retry-After), more than maxRetryAfter=60 s: failing now instead of waiting");
    }
}
