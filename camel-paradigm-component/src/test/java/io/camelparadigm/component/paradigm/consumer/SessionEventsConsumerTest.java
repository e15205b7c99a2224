package io.camelparadigm.component.paradigm.consumer;

import java.util.List;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.consumer.UploadSessionSummary.Status;
import io.camelparadigm.emulator.SeedFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionEventsConsumerTest extends ConsumerTestSupport {

    @Test
    void sessionWhoseFilesAllSucceededIsCompletedOnce() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all");
        List<Long> ids = List.of(inSession("s-ok", "a.pdf"), inSession("s-ok", "b.pdf"));
        poll();
        assertThat(summaries()).isEmpty();
        EMULATOR.completeAll();
        poll();
        poll();

        assertThat(summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.uploadSessionUuid()).isEqualTo("s-ok");
            assertThat(summary.status()).isEqualTo(Status.COMPLETED);
            assertThat(summary.succeeded()).isEqualTo(2);
            assertThat(summary.failed()).isZero();
            assertThat(summary.fileIds()).containsExactlyElementsOf(ids);
        });
        assertThat(events().getReceivedExchanges().get(0).getMessage()
                .getHeader(ParadigmConstants.SESSION_STATUS)).isEqualTo("COMPLETED");
    }

    @Test
    void emailWithOneFailedAttachmentIsPartialWithTheFailureDetail() throws Exception {
        EMULATOR.scriptFailure("attachment-2", "embedding_failed", "Embedding service timed out");
        consume("paradigm:sessionEvents?startFrom=all&emitProgress=true");
        inSession("mail-1", "body.eml.pdf");
        inSession("mail-1", "attachment-1.pdf");
        long failed = inSession("mail-1", "attachment-2.pdf");
        inSession("mail-1", "attachment-3.pdf");
        poll();
        step();
        poll();
        EMULATOR.completeAll();
        poll();

        List<UploadSessionSummary> summaries = summaries();
        assertThat(summaries).extracting(UploadSessionSummary::status)
                .containsExactly(Status.PROCESSING, Status.PROCESSING, Status.PARTIAL);
        UploadSessionSummary done = summaries.get(2);
        assertThat(done.total()).isEqualTo(4);
        assertThat(done.succeeded()).isEqualTo(3);
        assertThat(done.failed()).isEqualTo(1);
        assertThat(done.failedFiles()).singleElement().satisfies(file -> {
            assertThat(file.id()).isEqualTo(failed);
            assertThat(file.status()).isEqualTo("embedding_failed");
            assertThat(file.statusDetail()).isEqualTo("Embedding service timed out");
        });
    }

    @Test
    void sessionWhoseFilesAllFailedIsFailed() throws Exception {
        EMULATOR.scriptFailure("bad", "fail", "Unsupported format");
        consume("paradigm:sessionEvents?startFrom=all");
        inSession("s-bad", "bad-1.pdf");
        inSession("s-bad", "bad-2.pdf");
        EMULATOR.completeAll();
        poll();

        assertThat(summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(Status.FAILED);
            assertThat(summary.failed()).isEqualTo(2);
            assertThat(summary.failedFiles()).extracting(UploadSessionSummary.FailedFile::statusDetail)
                    .containsOnly("Unsupported format");
        });
    }

    @Test
    void quietPeriodHoldsBackASessionThatJustLookedFinished() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all&quietPeriod=1h");
        inSession("s-quiet", "a.pdf");
        EMULATOR.completeAll();
        poll();
        poll();

        assertThat(summaries()).isEmpty();
    }

    @Test
    void quietPeriodRestartsWhenAFileJoinsAndReleasesTheSessionOnceItElapsed() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all&quietPeriod=200");
        long first = inSession("s-late", "a.pdf");
        EMULATOR.completeAll();
        poll(); // all final: the quiet period starts (this machine's clock)
        long late = inSession("s-late", "b.pdf");
        EMULATOR.completeAll();
        Thread.sleep(250);
        poll(); // past the period, but the session grew: it starts again
        assertThat(summaries()).isEmpty();

        Thread.sleep(250);
        poll();
        poll();

        assertThat(summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(Status.COMPLETED);
            assertThat(summary.fileIds()).containsExactly(first, late);
        });
    }

    private static long inSession(String session, String filename) {
        return EMULATOR.seedFile(SeedFile.builder(workspaceId(), filename).uploadSessionUuid(session).build());
    }

    private List<UploadSessionSummary> summaries() {
        return events().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(UploadSessionSummary.class)).toList();
    }
}
