package io.camelparadigm.component.paradigm;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.camelparadigm.component.paradigm.FileChangeOperationsTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * upload with onExisting=replace: a document with the same external id has its content replaced in place when it
 * changed, and is neither sent nor processed again when it did not.
 */
class ReplaceOnExistingTest extends EmulatorRouteTestSupport {

    private static final String FAST = "retryInitialDelay=5&retryMaxDelay=20";

    @TempDir
    Path dir;

    private String replace(String options) {
        return "paradigm:upload?onExisting=replace&workspaceId=" + workspaceId() + "&" + FAST
               + (options.isEmpty() ? "" : "&" + options);
    }

    private Exchange send(String externalId, Object body, String... headerNamesAndValues) {
        return template.request(replace(""), e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(ParadigmConstants.EXTERNAL_ID, externalId);
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                e.getMessage().setHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
        });
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String outcome(Exchange exchange) {
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getHeader(ParadigmConstants.UPLOAD_OUTCOME, String.class);
    }

    @Test
    void anAbsentDocumentIsCreatedWithTheHashOfItsContent() throws Exception {
        Exchange created = send("doc-1", file("a.txt", "version one").toFile());

        assertThat(outcome(created)).isEqualTo("created");
        assertThat(created.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(false);
        String version = "sha256:" + sha256("version one");
        ParadigmFile file = created.getMessage().getBody(ParadigmFile.class);
        assertThat(file.externalMetadata().additionalMetadata()).containsEntry("content_hash", version);
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.externalId()).isEqualTo("doc-1"));
    }

    @Test
    void anUnchangedDocumentIsNeitherSentNorProcessedAgain() throws Exception {
        Path path = file("a.txt", "same content");
        long id = send("doc-2", path.toFile()).getMessage().getBody(ParadigmFile.class).id();
        EMULATOR.completeAll();
        EMULATOR.clearRequests();

        Exchange again = send("doc-2", path.toFile());

        assertThat(outcome(again)).isEqualTo("unchanged");
        assertThat(again.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(true);
        assertThat(again.getMessage().getBody(ParadigmFile.class).id()).isEqualTo(id);
        assertThat(EMULATOR.requests()).singleElement().satisfies(lookup -> {
            assertThat(lookup.method()).isEqualTo("GET");
            assertThat(lookup.query()).contains("external_metadata__external_id=doc-2");
        });
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.status()).isEqualTo("embedded"));
    }

    @Test
    void aChangedDocumentIsReplacedInPlaceAndProcessedAgain() throws Exception {
        long id = send("doc-3", file("a.txt", "first").toFile()).getMessage().getBody(ParadigmFile.class).id();
        EMULATOR.completeAll();
        EMULATOR.clearRequests();

        Exchange replaced = send("doc-3", file("a-v2.txt", "second, longer").toFile(), ParadigmConstants.TITLE, "V2");

        assertThat(outcome(replaced)).isEqualTo("replaced");
        assertThat(replaced.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(false);
        ParadigmFile file = replaced.getMessage().getBody(ParadigmFile.class);
        assertThat(file.id()).isEqualTo(id);
        assertThat(file.status()).isEqualTo("pending");
        assertThat(file.title()).isEqualTo("V2");
        assertThat(file.externalMetadata().additionalMetadata())
                .containsEntry("content_hash", "sha256:" + sha256("second, longer"));
        assertThat(requests("PATCH", "/api/v3/files/" + id)).hasSize(1);
        assertThat(requests("POST", "/api/v3/files")).isEmpty();
        assertThat(EMULATOR.storedFiles()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(id);
            assertThat(stored.filename()).isEqualTo("a-v2.txt");
            assertThat(stored.sha256()).isEqualTo(sha256("second, longer"));
        });

        EMULATOR.completeAll();
        assertThat(outcome(send("doc-3", file("a-v2.txt", "second, longer").toFile()))).isEqualTo("unchanged");
    }

    @Test
    void aDocumentStoredWithoutAHashIsReplacedOnceThenRecognised() throws Exception {
        long id = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "old.txt").externalId("doc-4").status("embedded")
                .build());
        Path path = file("old.txt", "the same bytes as ever");

        Exchange first = send("doc-4", path.toFile());
        EMULATOR.completeAll();
        Exchange second = send("doc-4", path.toFile());

        assertThat(outcome(first)).as("nothing tells the content apart without a stored hash").isEqualTo("replaced");
        assertThat(outcome(second)).isEqualTo("unchanged");
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactly(id);
    }

    @Test
    void theSourcesOwnVersionIsComparedWithoutReadingTheBody() {
        Exchange created = send("doc-5", "first body", Exchange.FILE_NAME, "a.txt",
                ParadigmConstants.CONTENT_HASH, "etag-1");
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body of an unchanged document must not be read");
            }
        };

        Exchange unchanged = send("doc-5", unreadable, Exchange.FILE_NAME, "a.txt",
                ParadigmConstants.CONTENT_HASH, "etag-1");
        Exchange replaced = send("doc-5", "second body", Exchange.FILE_NAME, "a.txt",
                ParadigmConstants.CONTENT_HASH, "etag-2");

        assertThat(outcome(created)).isEqualTo("created");
        assertThat(outcome(unchanged)).isEqualTo("unchanged");
        assertThat(outcome(replaced)).isEqualTo("replaced");
        assertThat(replaced.getMessage().getBody(ParadigmFile.class).externalMetadata().additionalMetadata())
                .containsEntry("content_hash", "etag-2");
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256("second body")));
    }

    @Test
    void aOneShotStreamIsCopiedToBeHashedThenSent() {
        send("doc-6", "original", Exchange.FILE_NAME, "a.txt");

        Exchange replaced = send("doc-6", new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)),
                Exchange.FILE_NAME, "a.txt");

        assertThat(outcome(replaced)).isEqualTo("replaced");
        assertThat(replaced.getMessage().getBody(ParadigmFile.class).externalMetadata().additionalMetadata())
                .containsEntry("content_hash", "sha256:" + sha256("streamed"));
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256("streamed")));
    }

    @Test
    void aLostAnswerOfTheReplacementIsSentAgainAndTheOutcomeIsStillReplaced() throws Exception {
        long id = send("doc-7", file("a.txt", "first").toFile()).getMessage().getBody(ParadigmFile.class).id();
        EMULATOR.faults().dropAfterChange(1);

        Exchange replaced = send("doc-7", file("a.txt", "second").toFile());

        assertThat(outcome(replaced)).isEqualTo("replaced");
        assertThat(requests("PATCH", "/api/v3/files/" + id)).extracting(RecordedRequest::status).containsExactly(0, 200);
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.sha256()).isEqualTo(sha256("second")));
    }

    @Test
    void aLostAnswerOfTheCreationIsFoundByItsExternalIdNotUploadedTwice() throws Exception {
        EMULATOR.faults().dropAfterStore(1);

        Exchange created = send("doc-8", file("a.txt", "first").toFile());

        assertThat(outcome(created)).isEqualTo("created");
        assertThat(requests("POST", "/api/v3/files")).extracting(RecordedRequest::status).containsExactly(0);
        assertThat(EMULATOR.storedFiles()).hasSize(1);
    }

    @Test
    void replaceWithoutAnExternalIdIsRefusedBeforeAnyRequest() {
        ParadigmValidationException e = failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader(replace(""), "x", Exchange.FILE_NAME, "a.txt"));

        assertThat(e.getMessage()).startsWith("upload: onExisting=replace needs an external id")
                .contains(ParadigmConstants.EXTERNAL_ID);
        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void otherMetadataTravelsWithTheHashAndTheTagsOfTheDocumentStay() throws Exception {
        List<Long> tags = EMULATOR.tagIds();
        long id = template.requestBodyAndHeaders(replace("tags=" + tags.get(0)), file("a.txt", "one").toFile(),
                Map.of(ParadigmConstants.EXTERNAL_ID, "doc-9", ParadigmConstants.EXTERNAL_URL, "https://src/1"),
                ParadigmFile.class).id();
        template.sendBodyAndHeaders("paradigm:addTags", null,
                Map.of(ParadigmConstants.FILE_ID, id, ParadigmConstants.TAGS, tags.get(1)));

        ParadigmFile replaced = template.requestBodyAndHeaders(replace("tags=" + tags.get(2)),
                file("a.txt", "two").toFile(),
                Map.of(ParadigmConstants.EXTERNAL_ID, "doc-9", ParadigmConstants.EXTERNAL_URL, "https://src/2"),
                ParadigmFile.class);

        assertThat(replaced.externalMetadata().additionalMetadata()).containsEntry("external_url", "https://src/2")
                .containsEntry("content_hash", "sha256:" + sha256("two"));
        assertThat(EMULATOR.storedFiles()).singleElement()
                .satisfies(stored -> assertThat(stored.tagIds()).containsExactly(tags.get(0), tags.get(1)));
    }
}
