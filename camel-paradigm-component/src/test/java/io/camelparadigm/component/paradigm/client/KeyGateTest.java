package io.camelparadigm.component.paradigm.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each 429 gets the reaction it asks for; one gate per service and key; the key shows nowhere. */
class KeyGateTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final String KEY = "pk-very-secret-key-0123456789";

    private final AtomicLong now = new AtomicLong(0);
    private final KeyGate gate = new KeyGate("https://paradigm.example.com", "key-test",
            ConcurrencyGate.adaptive(20, 50), MINUTE, now::get);

    private KeyGate.Permit permit() {
        return gate.acquire("op", true, MINUTE);
    }

    private void successes(int count) {
        for (int i = 0; i < count; i++) {
            permit().answered(200, null, null);
        }
    }

    @Test
    void theRateLimitsAnswerHoldsEveryRequestOfTheKeyAndLeavesTheConcurrencyLimitAlone() {
        successes(30);

        Throttling throttling = permit().answered(429, "throttled", 42L);

        assertThat(throttling).isEqualTo(Throttling.RATE_LIMIT);
        assertThat(gate.rateLimitHold()).isEqualTo(Duration.ofSeconds(42));
        assertThat(gate.learnedRateLimit()).isEqualTo(30);
        assertThat(gate.concurrency().limit()).isEqualTo(20);
        assertThat(gate.statistics().rateLimited()).isEqualTo(1);
    }

    @Test
    void tooManyUploadsInFlightShrinksTheConcurrencyLimitOnly() {
        List<KeyGate.Permit> inFlight = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inFlight.add(permit());
        }
        inFlight.forEach(p -> p.answered(429, "too_many_concurrent_uploads", 1L));

        assertThat(gate.concurrency().limit()).isLessThan(20);
        assertThat(gate.rateLimitHold()).isZero();
        assertThat(gate.learnedRateLimit()).isEqualTo(-1);
        assertThat(gate.statistics().concurrencyLimited()).isEqualTo(20);
    }

    @Test
    void loneTooManyRequestsAmongSuccessesChangeNoLimit() {
        // 30 % of answers, spread among successes
        for (int i = 0; i < 1_000; i++) {
            KeyGate.Permit permit = permit();
            if (i % 10 < 3) {
                assertThat(permit.answered(429, "too_many_requests", 1L)).isEqualTo(Throttling.TRANSIENT);
            } else {
                permit.answered(201, null, null);
            }
        }

        assertThat(gate.rateLimitHold()).isZero();
        assertThat(gate.learnedRateLimit()).isEqualTo(-1);
        assertThat(gate.concurrency().limit()).isEqualTo(20);
        assertThat(gate.statistics().otherTooManyRequests()).isEqualTo(300);
        assertThat(gate.statistics().tooManyRequests()).isEqualTo(300);
        assertThat(gate.statistics().requests()).isEqualTo(1_000);
    }

    @Test
    void aRunOfTooManyRequestsWithAnUnknownCodeIsTakenForTheRateLimit() {
        successes(50);
        List<KeyGate.Permit> inFlight = new ArrayList<>();
        for (int i = 0; i < RecentAnswers.SIZE; i++) {
            inFlight.add(permit());
        }
        List<Throttling> seen = inFlight.stream().map(p -> p.answered(429, null, 5L)).toList();

        assertThat(seen).startsWith(Throttling.TRANSIENT).endsWith(Throttling.RATE_LIMIT);
        assertThat(gate.rateLimitHold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(gate.learnedRateLimit()).isEqualTo(50);
    }

    @Test
    void theServiceLooksDownWhenHalfTheKeysRecentRequestsFailedAndUpAgainWhenThatPasses() {
        // 7 % of 502s and lost connections, spread among successes and 429s: never down
        for (int i = 0; i < 1_000; i++) {
            KeyGate.Permit permit = permit();
            switch (i % 100 % 14) {
                case 0 -> permit.answered(502, "bad_gateway", null);
                case 1, 2, 3, 4 -> permit.answered(429, null, 1L);
                default -> permit.answered(201, null, null);
            }
            assertThat(gate.serviceFailing()).isFalse();
        }

        // 5xx answers and no answers say it is failing; 429s and refusals such as 404 say it is up
        successes(RecentAnswers.SIZE);
        for (int i = 0; i < RecentAnswers.FAILING - 1; i++) {
            if (i % 2 == 0) {
                permit().answered(503, null, null);
            } else {
                permit().unanswered();
            }
        }
        permit().answered(404, "not_found", null);
        permit().answered(429, null, 1L);
        assertThat(gate.serviceFailing()).isFalse();
        permit().answered(502, null, null);
        assertThat(gate.serviceFailing()).isTrue();

        successes(RecentAnswers.SIZE - RecentAnswers.FAILING + 1);
        assertThat(gate.serviceFailing()).isFalse();
    }

    @Test
    void aClientThatDoesNotLimitConcurrencyTakesNoSlotButIsCounted() {
        KeyGate.Permit unlimited = gate.acquire("op", false, MINUTE);

        assertThat(gate.concurrency().inFlight()).isZero();
        unlimited.answered(200, null, null);
        assertThat(gate.statistics().requests()).isEqualTo(1);
    }

    @Test
    void everyRequestIsCountedInTheLastMinuteUntilItIsAMinuteOld() {
        successes(7);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        successes(3);

        assertThat(gate.statistics().requestsLastMinute()).isEqualTo(10);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(gate.statistics().requestsLastMinute()).isEqualTo(3);
    }

    @Test
    void endpointsWithTheSameServiceAndKeyShareOneGateThatShowsOnlyAFingerprint() {
        KeyGates gates = new KeyGates(MINUTE);
        KeyGates.ConcurrencySettings settings = new KeyGates.ConcurrencySettings(true, 10, 50);

        KeyGate first = gates.gateFor("https://a.example.com", KEY, settings, "paradigm:upload");
        KeyGate second = gates.gateFor("https://a.example.com", KEY, settings, "paradigm:fileEvents");
        KeyGate otherKey = gates.gateFor("https://a.example.com", KEY + "x", settings, "paradigm:upload");
        KeyGate otherService = gates.gateFor("https://b.example.com", KEY, settings, "paradigm:upload");

        assertThat(second).isSameAs(first);
        assertThat(otherKey).isNotSameAs(first);
        assertThat(otherService).isNotSameAs(first);
        assertThat(gates.all()).hasSize(3);
        assertThat(first.keyId()).isEqualTo("key-" + KeyGates.fingerprint(KEY)).hasSize(12)
                .isEqualTo(otherService.keyId());
        assertThat(first.toString()).doesNotContain(KEY).contains(first.keyId());
    }

    @Test
    void aGateMadeAfterAListenerWasAddedIsAnnouncedOnce() {
        KeyGates gates = new KeyGates(MINUTE);
        List<KeyGate> announced = new ArrayList<>();
        gates.onNewGate(announced::add);
        KeyGates.ConcurrencySettings settings = new KeyGates.ConcurrencySettings(true, 10, 50);

        gates.gateFor("https://a.example.com", KEY, settings, "paradigm:upload");
        gates.gateFor("https://a.example.com", KEY, settings, "paradigm:search");

        assertThat(announced).hasSize(1);
    }
}
