package io.camelparadigm.component.paradigm.client;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyGateTest {

    @Test
    void eachTooManyRequestsShrinksTheLimitButNeverBelowOne() {
        ConcurrencyGate gate = ConcurrencyGate.adaptive(10, 20);

        gate.acquire("op").throttled();
        int afterOne = gate.limit();
        for (int i = 0; i < 100; i++) {
            gate.acquire("op").throttled();
        }

        assertThat(afterOne).isLessThan(10);
        assertThat(gate.limit()).isEqualTo(1);
    }

    @Test
    void successesWithTheLimitInUseGrowItBackUpToTheMax() {
        ConcurrencyGate gate = ConcurrencyGate.adaptive(4, 6);
        for (int round = 0; round < 10; round++) {
            List<ConcurrencyGate.Permit> permits = new ArrayList<>();
            for (int i = 0; i < gate.limit(); i++) {
                permits.add(gate.acquire("op"));
            }
            permits.forEach(ConcurrencyGate.Permit::answered);
        }

        assertThat(gate.limit()).isEqualTo(6);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void successesOfAnIdleGateDoNotGrowIt() {
        ConcurrencyGate gate = ConcurrencyGate.adaptive(8, 50);
        for (int i = 0; i < 20; i++) {
            gate.acquire("op").answered();
        }

        assertThat(gate.limit()).isEqualTo(8);
    }

    @Test
    void lostAnswersLeaveTheLimitAlone() {
        ConcurrencyGate gate = ConcurrencyGate.adaptive(5, 50);
        gate.acquire("op").released();

        assertThat(gate.limit()).isEqualTo(5);
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void unlimitedGateNeverWaits() {
        ConcurrencyGate gate = ConcurrencyGate.unlimited();
        for (int i = 0; i < 1000; i++) {
            gate.acquire("op");
        }

        assertThat(gate.isAdaptive()).isFalse();
        assertThat(gate.limit()).isEqualTo(Integer.MAX_VALUE);
    }
}
