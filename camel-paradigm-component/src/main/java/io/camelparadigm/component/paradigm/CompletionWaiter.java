package io.camelparadigm.component.paradigm;

import java.time.Duration;

import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** Polls an uploaded document until Paradigm has processed it, failed it, or the timeout runs out. */
final class CompletionWaiter {

    private final ParadigmClient client;
    private final Duration timeout;
    private final Duration pollInterval;

    CompletionWaiter(ParadigmClient client, Duration timeout, Duration pollInterval) {
        this.client = client;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    ParadigmFile await(ParadigmFile uploaded) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ParadigmFile file = uploaded;
        while (!FileStatus.isTerminal(file.status())) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new ParadigmCompletionTimeoutException(file, timeout);
            }
            Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), remaining / 1_000_000)));
            file = client.getFile(file.id(), false);
        }
        if (FileStatus.isFailure(file.status())) {
            if (file == uploaded) {
                file = client.getFile(file.id(), false); // the upload answer carries no status_detail
            }
            throw new ParadigmProcessingFailedException(file);
        }
        return file;
    }
}
