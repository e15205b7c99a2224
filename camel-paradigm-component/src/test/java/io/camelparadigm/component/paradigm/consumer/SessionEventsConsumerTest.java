package io.camelparadigm.component.paradigm.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
        letSettle();
        poll();
        assertThat(summaries()).isEmpty();
        EMULATOR.completeAll();
        letSettle();
        poll();
        poll();

        assertThat(summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.uploadSessionUuid()).isEqualTo(uuid("s-ok"));
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
        letSettle();
        poll();
        step();
        poll();
        EMULATOR.completeAll();
        letSettle();
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
        letSettle();
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
        letSettle();
        poll();
        EMULATOR.advance(Duration.ofMinutes(59));
        poll();

        assertThat(summaries()).isEmpty();
    }

    @Test
    void quietPeriodRestartsWhenAFileJoinsAndReleasesTheSessionOnceItElapsed() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all&quietPeriod=5m");
        long first = inSession("s-late", "a.pdf");
        EMULATOR.completeAll();
        letSettle();
        poll(); // all final: the quiet period starts (the service's clock)
        long late = inSession("s-late", "b.pdf");
        EMULATOR.completeAll();
        EMULATOR.advance(Duration.ofMinutes(6));
        poll(); // past the period, but the session grew: it starts again
        assertThat(summaries()).isEmpty();

        EMULATOR.advance(Duration.ofMinutes(6));
        poll();
        poll();

        assertThat(summaries()).singleElement().satisfies(summary -> {
            assertThat(summary.status()).isEqualTo(Status.COMPLETED);
            assertThat(summary.fileIds()).containsExactly(first, late);
        });
    }

    @Test
    void openSessionsWithoutAChangeAreNotListedAgain() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all");
        for (int i = 0; i < 20; i++) {
            inSession("open-" + i, "doc-" + i + ".pdf");
        }
        letSettle();
        poll(); // each session seen for the first time is listed once
        int before = listings();

        poll();
        poll();

        assertThat(listings() - before).as("one change listing per poll, no session listing").isEqualTo(2);
        EMULATOR.completeAll();
        letSettle();
        poll();
        assertThat(summaries()).hasSize(20).allSatisfy(summary ->
                assertThat(summary.status()).isEqualTo(Status.COMPLETED));
    }

    @Test
    void sessionWhoseExchangeFailedIsDeliveredAgainAfterItsChangesLeftTheListing() throws Exception {
        consume("paradigm:sessionEvents?startFrom=all&overlap=2000");
        events().whenExchangeReceived(1, exchange -> {
            throw new IllegalStateException("downstream unavailable");
        });
        events().whenExchangeReceived(2, exchange -> {
            throw new IllegalStateException("still unavailable");
        });
        inSession("s-retry", "a.pdf");
        EMULATOR.completeAll();
        letSettle();
        poll();
        EMULATOR.advance(Duration.ofSeconds(10));
        inSession("s-later", "b.pdf"); // moves the watermark on, past s-retry's changes
        letSettle();
        poll();
        assertThat(events().getReceivedExchanges()).hasSize(2);

        poll(); // s-retry's file is no longer in the listing of changes

        assertThat(summaries()).hasSize(3).allSatisfy(summary -> {
            assertThat(summary.uploadSessionUuid()).isEqualTo(uuid("s-retry"));
            assertThat(summary.status()).isEqualTo(Status.COMPLETED);
        });
    }

    private static int listings() {
        return (int) EMULATOR.requests().stream().filter(r -> r.path().equals("/api/v3/files")).count();
    }

    private static long inSession(String session, String filename) {
        return EMULATOR.seedFile(SeedFile.builder(workspaceId(), filename).uploadSessionUuid(uuid(session)).build());
    }

    /** The upload session uuid named {@code session} in these tests (the service's session ids are uuids). */
    private static String uuid(String session) {
        return UUID.nameUUIDFromBytes(session.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private List<UploadSessionSummary> summaries() {
        return events().getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(UploadSessionSummary.class)).toList();
    }
}
