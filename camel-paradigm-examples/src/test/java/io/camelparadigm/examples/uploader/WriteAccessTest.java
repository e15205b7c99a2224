package io.camelparadigm.examples.uploader;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.examples.testsupport.Eventually;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WriteAccessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WriteAccess access = new WriteAccess();

    @Test
    void theFirstUploadGoesAloneThenTheOthersTogether() throws Exception {
        assertThat(access.awaitTurn()).isTrue();
        CompletableFuture<Boolean> second = waitingTurn();

        access.accepted();

        assertThat(second.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(access.awaitTurn()).as("no wait once an upload was accepted").isTrue();
        assertThat(access.refusal()).isNull();
    }

    @Test
    void aFailureOtherThanA403LetsTheNextUploadTryAlone() throws Exception {
        assertThat(access.awaitTurn()).isTrue();
        CompletableFuture<Boolean> second = waitingTurn();

        access.failed(apiError(400));

        assertThat(second.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> third = waitingTurn();
        access.accepted();
        assertThat(third.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(access.refusal()).isNull();
    }

    @Test
    void aSyncUploadThatFoundTheSameContentProvesNothingTheNextOneStillGoesAlone() throws Exception {
        assertThat(access.awaitTurn()).isTrue();
        CompletableFuture<Boolean> second = waitingTurn();

        access.wroteNothing();

        assertThat(second.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> third = waitingTurn();
        access.failed(apiError(403));
        assertThat(third.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void a403RefusesTheWaitingUploadsAndEveryLaterOne() throws Exception {
        assertThat(access.awaitTurn()).isTrue();
        CompletableFuture<Boolean> second = waitingTurn();

        access.failed(apiError(403));

        assertThat(second.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isFalse();
        assertThat(access.awaitTurn()).isFalse();
        assertThat(access.refusal()).isEqualTo("HTTP 403: permission_denied - not yours");
    }

    @Test
    void a403AfterAcceptedUploadsStopsTheLaterOnes() throws InterruptedException {
        assertThat(access.awaitTurn()).isTrue();
        access.accepted();

        access.failed(apiError(403));

        assertThat(access.awaitTurn()).isFalse();
    }

    /** An {@link WriteAccess#awaitTurn} on another thread, returned once that thread waits in it. */
    private CompletableFuture<Boolean> waitingTurn() throws InterruptedException {
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> turn = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            try {
                return access.awaitTurn();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.await("the second upload waiting for its turn", TIMEOUT,
                () -> waiter.get() != null && waiter.get().getState() == Thread.State.WAITING);
        assertThat(turn).isNotDone();
        return turn;
    }

    private static ParadigmApiException apiError(int status) {
        return new ParadigmApiException("upload", status, "", "permission_denied", "permission_denied", "not yours",
                null, "HTTP " + status + ": permission_denied - not yours");
    }
}
