package io.camelparadigm.examples.uploader;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessingFollowerTest {

    private static final String OURS = "file:///data/";
    /** The server's clock runs this far ahead of the uploader's. */
    private static final Duration SERVER_AHEAD = Duration.ofSeconds(30);

    private final UploadProgressTest.MutableClock clock = new UploadProgressTest.MutableClock();
    private final DefaultCamelContext context = new DefaultCamelContext();
    private final UploadProgress progress = new UploadProgress(clock, 1,
            externalId -> externalId.startsWith(OURS) ? externalId.substring(OURS.length()) : null);
    private final ProcessingFollower follower = new ProcessingFollower(progress);

    @AfterEach
    void stop() throws java.io.IOException {
        context.close();
    }

    @Test
    void theNextListingStartsWhereTheLastOneStartedHoweverManyPagesItRead() {
        // 300 documents uploaded within 0.3 s, one more still processing: the first listing reads 3 pages of 100
        Instant firstCreated = serverNow();
        List<ParadigmFile> finished = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant created = serverNow();
            upload(1000 + i, created);
            finished.add(document(1000 + i, created, created.plusMillis(600)));
            clock.advance(Duration.ofMillis(1));
        }
        upload(1300, serverNow());

        Exchange first = exchange();
        assertThat(follower.prepare(first)).isTrue();
        assertThat(updatedAfter(first)).isEqualTo(firstCreated.minusSeconds(1));

        clock.advance(Duration.ofSeconds(5));
        Instant secondListingStart = serverNow();
        Exchange second = listing(finished);
        assertThat(updatedAfter(second)).isEqualTo(firstCreated.minusSeconds(1));
        assertThat(progress.snapshot().done()).isEqualTo(300);

        // the watermark follows the server's clock when the listing started, not the first page's documents
        // (which would have left it at the first upload, so that every listing read all 300 again)
        Exchange third = exchange();
        assertThat(follower.prepare(third)).isTrue();
        assertThat(updatedAfter(third)).isEqualTo(secondListingStart.minusSeconds(1))
                .isAfter(finished.get(299).updatedAt().toInstant());
    }

    @Test
    void aDocumentThatBecameFinalDuringAListingIsListedAgainByTheNext() {
        Instant created = serverNow();
        upload(1, created);
        clock.advance(Duration.ofSeconds(3));
        Instant listingStart = serverNow();
        listing(List.of());
        // became final while that (empty) listing paged: stamped after it started, so after the next watermark
        Instant finalAt = listingStart.plusMillis(1);

        Exchange next = exchange();
        assertThat(follower.prepare(next)).isTrue();
        assertThat(updatedAfter(next)).isBefore(finalAt);
        next.getMessage().setBody(List.of(document(1, created, finalAt)).iterator());
        follower.listed(next);

        assertThat(progress.snapshot().done()).isEqualTo(1);
        assertThat(progress.stillProcessing()).isZero();
    }

    private Exchange listing(List<ParadigmFile> documents) {
        Exchange exchange = exchange();
        assertThat(follower.prepare(exchange)).isTrue();
        exchange.getMessage().setBody(documents.iterator());
        follower.listed(exchange);
        return exchange;
    }

    private void upload(long id, Instant createdAt) {
        progress.handed();
        progress.uploadStarted();
        progress.uploaded("f" + id, id, "session-1", createdAt, "pending", null);
    }

    private Instant serverNow() {
        return clock.instant().plus(SERVER_AHEAD);
    }

    private Exchange exchange() {
        return new DefaultExchange(context);
    }

    private static Instant updatedAfter(Exchange exchange) {
        return Instant.parse(exchange.getMessage().getHeader(ParadigmConstants.FILTER_UPDATED_AT_AFTER, String.class));
    }

    private static ParadigmFile document(long id, Instant created, Instant updated) {
        return new ParadigmFile(id, "f" + id, "f" + id, "pdf", "embedded", null, null, created.atOffset(ZoneOffset.UTC),
                updated.atOffset(ZoneOffset.UTC), null, null, null, "session-1", null, null, null, null, null, null,
                null, null, null);
    }
}
