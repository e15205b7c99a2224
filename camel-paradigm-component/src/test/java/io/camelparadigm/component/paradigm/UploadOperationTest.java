package io.camelparadigm.component.paradigm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UploadOperationTest extends EmulatorRouteTestSupport {

    @TempDir
    Path dir;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + dir.resolve("inbox") + "?initialDelay=10&delay=50")
                        .to("paradigm:upload?workspaceId=" + workspaceId() + "&title=From the inbox")
                        .to("mock:uploaded");
            }
        };
    }

    @Test
    void uploadsFileWithEveryFieldAndAnswersTheCreatedDocument() throws Exception {
        Path file = write("report.pdf", "quarterly numbers");
        List<Long> tags = EMULATOR.tagIds().subList(0, 2);

        Exchange answer = template.request("paradigm:upload?workspaceId=" + workspaceId() + "&parser=v2.2.1", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(ParadigmConstants.TITLE, "Q4 report");
            e.getMessage().setHeader(ParadigmConstants.FILENAME, "q4-report.pdf");
            e.getMessage().setHeader(ParadigmConstants.TAGS, tags);
            e.getMessage().setHeader(ParadigmConstants.EXTERNAL_METADATA,
                    Map.of("external_id", "SRV-1", "doc_type", "incident",
                            "additional_metadata", Map.of("external_url", "https://tickets/SRV-1")));
        });

        assertThat(answer.getException()).isNull();
        ParadigmFile created = answer.getMessage().getBody(ParadigmFile.class);
        assertThat(created.status()).isEqualTo("pending");
        assertThat(created.title()).isEqualTo("Q4 report");
        assertThat(created.filename()).isEqualTo("q4-report.pdf");
        assertThat(created.externalMetadata().docType()).isEqualTo("incident");
        assertThat(created.externalMetadata().additionalMetadata()).containsEntry("external_url", "https://tickets/SRV-1");
        assertThat(answer.getMessage().getHeader(ParadigmConstants.FILE_ID)).isEqualTo(created.id());
        assertThat(answer.getMessage().getHeader(ParadigmConstants.STATUS)).isEqualTo("pending");
        assertThat(answer.getMessage().getHeader(ParadigmConstants.UPLOAD_SESSION_UUID, String.class)).isNotBlank();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.MESSAGE, String.class)).isNotBlank();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.TAGS_APPLIED)).isEqualTo(true);

        StoredFile stored = EMULATOR.storedFiles(workspaceId()).get(0);
        assertThat(stored.id()).isEqualTo(created.id());
        assertThat(stored.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(stored.size()).isEqualTo(Files.size(file));
        assertThat(stored.externalId()).isEqualTo("SRV-1");
        assertThat(stored.tagIds()).containsExactlyInAnyOrderElementsOf(tags);
    }

    @Test
    void fileRouteUploadsEachFileUnderItsOwnName() throws Exception {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(2).create();
        Files.createDirectories(dir.resolve("inbox"));
        write("inbox/a.txt", "alpha");
        write("inbox/b.md", "# beta");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(EMULATOR.storedFiles(workspaceId())).extracting(StoredFile::filename)
                .containsExactlyInAnyOrder("a.txt", "b.md");
        assertThat(EMULATOR.storedFiles(workspaceId())).extracting(StoredFile::title)
                .containsOnly("From the inbox");
        assertThat(EMULATOR.storedFiles(workspaceId())).extracting(StoredFile::sha256)
                .containsExactlyInAnyOrder(sha256("alpha".getBytes()), sha256("# beta".getBytes()));
    }

    @Test
    void uploadsPathStreamBytesAndTextBodiesByteForByte() throws Exception {
        String uri = "paradigm:upload?workspaceId=" + workspaceId();
        Path path = write("as-path.txt", "from a path");
        template.sendBody(uri, path);
        template.sendBodyAndHeader(uri, new ByteArrayInputStream("from a stream".getBytes()), Exchange.FILE_NAME,
                "as-stream.txt");
        template.sendBodyAndHeader(uri, "from bytes".getBytes(), Exchange.FILE_NAME, "as-bytes.txt");
        template.sendBodyAndHeader(uri, "from text é", ParadigmConstants.FILENAME, "as-text.txt");

        Map<String, String> hashes = new java.util.HashMap<>();
        EMULATOR.storedFiles(workspaceId()).forEach(f -> hashes.put(f.filename(), f.sha256()));
        assertThat(hashes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "as-path.txt", sha256("from a path".getBytes()),
                "as-stream.txt", sha256("from a stream".getBytes()),
                "as-bytes.txt", sha256("from bytes".getBytes()),
                "as-text.txt", sha256("from text é".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void tagsComeFromTheOptionOrFromAnArrayOrTextHeader() {
        long t1 = EMULATOR.tagIds().get(0);
        long t2 = EMULATOR.tagIds().get(1);
        template.sendBodyAndHeader("paradigm:upload?workspaceId=" + workspaceId() + "&tags=" + t1 + "," + t2,
                "a", ParadigmConstants.FILENAME, "option.txt");
        template.sendBodyAndHeaders("paradigm:upload?workspaceId=" + workspaceId(), "b",
                Map.of(ParadigmConstants.FILENAME, "array.txt", ParadigmConstants.TAGS, new long[] { t2 }));
        template.sendBodyAndHeaders("paradigm:upload?workspaceId=" + workspaceId(), "c",
                Map.of(ParadigmConstants.FILENAME, "text.txt", ParadigmConstants.TAGS, t1 + ", " + t2));

        Map<String, List<Long>> tags = new java.util.HashMap<>();
        EMULATOR.storedFiles(workspaceId()).forEach(f -> tags.put(f.filename(), f.tagIds()));
        assertThat(tags.get("option.txt")).containsExactlyInAnyOrder(t1, t2);
        assertThat(tags.get("array.txt")).containsExactly(t2);
        assertThat(tags.get("text.txt")).containsExactlyInAnyOrder(t1, t2);
    }

    @Test
    void externalMetadataComesFromARecordJsonTextOrIndividualHeaders() {
        String uri = "paradigm:upload?workspaceId=" + workspaceId();
        ParadigmFile fromRecord = template.requestBodyAndHeaders(uri, "a", Map.of(ParadigmConstants.FILENAME, "r.txt",
                ParadigmConstants.EXTERNAL_METADATA, new ExternalMetadata("rec-1", "mail", null)), ParadigmFile.class);
        ParadigmFile fromJson = template.requestBodyAndHeaders(uri, "b", Map.of(ParadigmConstants.FILENAME, "j.txt",
                ParadigmConstants.EXTERNAL_METADATA, "{\"external_id\":\"json-1\",\"doc_type\":\"wiki\"}"),
                ParadigmFile.class);
        ParadigmFile fromHeaders = template.requestBodyAndHeaders(uri, "c", Map.of(ParadigmConstants.FILENAME, "h.txt",
                ParadigmConstants.EXTERNAL_ID, "hdr-1", ParadigmConstants.DOC_TYPE, "incident",
                ParadigmConstants.EXTERNAL_URL, "https://x/1", ParadigmConstants.EXTERNAL_FULL_PATH, "A > B"),
                ParadigmFile.class);

        assertThat(fromRecord.externalMetadata().externalId()).isEqualTo("rec-1");
        assertThat(fromRecord.externalMetadata().docType()).isEqualTo("mail");
        assertThat(fromJson.externalMetadata().externalId()).isEqualTo("json-1");
        assertThat(fromJson.externalMetadata().docType()).isEqualTo("wiki");
        assertThat(fromHeaders.externalMetadata().externalId()).isEqualTo("hdr-1");
        assertThat(fromHeaders.externalMetadata().additionalMetadata())
                .containsEntry("external_url", "https://x/1").containsEntry("external_full_path", "A > B");
        assertThat(EMULATOR.storedFiles(workspaceId())).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrder("rec-1", "json-1", "hdr-1");
    }

    @Test
    void parserWorkspaceAndAdditionalMetadataHeadersOverrideTheOptions() {
        long other = EMULATOR.createWorkspace("second");
        String uri = "paradigm:upload?parser=not-a-parser&workspaceId=" + workspaceId();

        // the parser option reaches the service, which refuses an unknown one
        io.camelparadigm.component.paradigm.client.ParadigmApiException refused = failureOf(
                io.camelparadigm.component.paradigm.client.ParadigmApiException.class,
                () -> template.sendBodyAndHeader(uri, "a", ParadigmConstants.FILENAME, "refused.txt"));
        assertThat(refused.getHttpStatus()).isEqualTo(400);
        assertThat(refused.getDetail()).contains("not-a-parser");

        ParadigmFile created = template.requestBodyAndHeaders(uri, "b", Map.of(
                ParadigmConstants.FILENAME, "overridden.txt",
                ParadigmConstants.PARSER, "v2.2.1",
                ParadigmConstants.WORKSPACE_ID, other,
                ParadigmConstants.EXTERNAL_ID, "add-1",
                ParadigmConstants.ADDITIONAL_METADATA, Map.of("owner", "ops", "priority", 2)), ParadigmFile.class);

        assertThat(created.workspace().id()).isEqualTo(other);
        assertThat(created.externalMetadata().additionalMetadata()).containsEntry("owner", "ops").containsEntry("priority", 2);
        assertThat(EMULATOR.storedFiles(other)).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("overridden.txt");
            assertThat(f.externalId()).isEqualTo("add-1");
        });
        assertThat(EMULATOR.storedFiles(workspaceId())).isEmpty();
    }

    @Test
    void unknownTagStoresTheDocumentAndFlagsTagsNotApplied() {
        Exchange answer = template.request("paradigm:upload?workspaceId=" + workspaceId()
                                           + "&tags=" + EMULATOR.foreignTagId(),
                e -> e.getMessage().setBody(new ByteArrayInputStream("x".getBytes())));
        // a stream without a name is refused before sending
        assertThat(answer.getException()).isInstanceOf(ParadigmValidationException.class);

        Exchange stored = template.request("paradigm:upload?workspaceId=" + workspaceId()
                                           + "&tags=" + EMULATOR.foreignTagId(),
                e -> {
                    e.getMessage().setBody("x");
                    e.getMessage().setHeader(Exchange.FILE_NAME, "tagged.txt");
                });
        assertThat(stored.getException()).isNull();
        assertThat(stored.getMessage().getHeader(ParadigmConstants.TAGS_APPLIED)).isEqualTo(false);
        assertThat(stored.getMessage().getHeader(ParadigmConstants.MESSAGE, String.class))
                .contains(String.valueOf(EMULATOR.foreignTagId()));
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(1);
    }

    @Test
    void failOnTagErrorTurnsA207IntoAnException() {
        ParadigmTagsNotAppliedException e = failureOf(ParadigmTagsNotAppliedException.class,
                () -> template.sendBodyAndHeader("paradigm:upload?failOnTagError=true&workspaceId=" + workspaceId()
                                                 + "&tags=" + EMULATOR.foreignTagId(),
                        "x", Exchange.FILE_NAME, "t.txt"));
        assertThat(e.getMessage()).contains("207").contains(String.valueOf(EMULATOR.foreignTagId()));
        assertThat(e.getFile().id()).isPositive();
    }

    @Test
    void aFileWhoseNameIsNotValidInThePlatformEncodingIsUploadedFromThePathTheFolderListed() throws Exception {
        // a Latin-1 name (caf\xe9.txt) on a UTF-8 system: only the Path from the listing holds its bytes
        Process latin1 = new ProcessBuilder("sh", "-c", "printf 'latin-1 name' > \"$(printf 'caf\\351.txt')\"")
                .directory(dir.toFile()).start();
        assertThat(latin1.waitFor()).isZero();
        Path listed;
        try (var files = Files.list(dir)) {
            listed = files.filter(file -> file.getFileName().toString().startsWith("caf")).findFirst().orElseThrow();
        }

        Exchange answer = template.request("paradigm:upload?workspaceId=" + workspaceId(),
                e -> e.getMessage().setBody(listed));

        assertThat(answer.getException()).isNull();
        StoredFile stored = EMULATOR.storedFiles(workspaceId()).get(0);
        assertThat(stored.sha256()).isEqualTo(sha256("latin-1 name".getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.filename()).isEqualTo(listed.getFileName().toString());
    }

    @Test
    void badInputIsRefusedBeforeAnyRequestWithAMessageNamingTheValue() throws Exception {
        String uri = "paradigm:upload?workspaceId=" + workspaceId();
        Path empty = write("empty.txt", "");
        Path big = write("big.txt", "0123456789ABCDEF");

        assertThat(failureOf(ParadigmValidationException.class,
                () -> template.sendBody(uri, dir.resolve("missing.pdf").toFile())).getMessage())
                .contains("missing.pdf").contains("does not exist");
        assertThat(failureOf(ParadigmValidationException.class, () -> template.sendBody(uri, empty)).getMessage())
                .contains("empty");
        assertThat(failureOf(ParadigmValidationException.class,
                () -> template.sendBody(uri + "&maxFileSize=10", big)).getMessage())
                .contains("16 bytes").contains("maxFileSize=10");
        assertThat(failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader(uri, big, ParadigmConstants.EXTERNAL_METADATA,
                        Map.of("doc_type", "incident"))).getMessage())
                .contains("external_id");
        assertThat(failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader(uri, big, ParadigmConstants.TAGS, "1,abc")).getMessage())
                .contains("'abc'").contains("whole numbers");
        assertThat(failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader("paradigm:upload", big, ParadigmConstants.TITLE, "t")).getMessage())
                .contains("workspaceId");
        assertThat(failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader(uri, big, ParadigmConstants.TAGS, List.of(-3L))).getMessage())
                .contains("'-3'").contains("positive");

        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void onExistingSkipUploadsAnExternalIdOnlyOnce() throws Exception {
        String uri = "paradigm:upload?onExisting=skip&externalId=SRC-7&workspaceId=" + workspaceId();
        Exchange first = template.request(uri, e -> e.getMessage().setBody(new ByteArrayInputStream("v1".getBytes())));
        // the stream has no name: give one
        assertThat(first.getException()).isInstanceOf(ParadigmValidationException.class);

        Exchange uploaded = template.request(uri + "&filename=doc.txt", e -> e.getMessage().setBody("v1"));
        Exchange skipped = template.request(uri + "&filename=doc.txt", e -> e.getMessage().setBody("v2"));

        assertThat(uploaded.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(false);
        assertThat(skipped.getException()).isNull();
        assertThat(skipped.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(true);
        assertThat(skipped.getMessage().getBody(ParadigmFile.class).id())
                .isEqualTo(uploaded.getMessage().getBody(ParadigmFile.class).id());
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(1);
        assertThat(EMULATOR.storedFiles(workspaceId()).get(0).sha256()).isEqualTo(sha256("v1".getBytes()));
    }

    @Test
    void onExistingLooksForTheExternalIdOnlyInTheTargetWorkspace() {
        long other = EMULATOR.createWorkspace("mirror");
        String options = "&onExisting=skip&externalId=SHARED-1&filename=doc.txt";
        template.sendBody("paradigm:upload?workspaceId=" + workspaceId() + options, "in the first workspace");

        Exchange second = template.request("paradigm:upload?workspaceId=" + other + options,
                e -> e.getMessage().setBody("in the second workspace"));

        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(ParadigmConstants.SKIPPED)).isEqualTo(false);
        assertThat(EMULATOR.storedFiles(other)).singleElement()
                .satisfies(f -> assertThat(f.externalId()).isEqualTo("SHARED-1"));
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(1);
    }

    @Test
    void onExistingFailRefusesADuplicateExternalId() throws Exception {
        String uri = "paradigm:upload?onExisting=fail&externalId=SRC-8&filename=d.txt&workspaceId=" + workspaceId();
        template.sendBody(uri, "v1");
        ParadigmDocumentExistsException e = failureOf(ParadigmDocumentExistsException.class,
                () -> template.sendBody(uri, "v2"));
        assertThat(e.getMessage()).contains("SRC-8");
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(1);
    }

    @Test
    void waitForCompletionAnswersTheProcessedDocument() throws Exception {
        try (AutoCloseable clock = runEmulatorClock()) {
            ParadigmFile done = template.requestBodyAndHeader("paradigm:upload?waitForCompletion=true"
                                                              + "&completionPollInterval=5&workspaceId=" + workspaceId(),
                    "content", Exchange.FILE_NAME, "ok.txt", ParadigmFile.class);
            assertThat(done.status()).isEqualTo("embedded");
        }
    }

    @Test
    void waitForCompletionRaisesTheFailureWithItsDetail() throws Exception {
        EMULATOR.scriptFailure("broken", "parsing_failed", "Unreadable PDF structure");
        try (AutoCloseable clock = runEmulatorClock()) {
            ParadigmProcessingFailedException e = failureOf(ParadigmProcessingFailedException.class,
                    () -> template.sendBodyAndHeader("paradigm:upload?waitForCompletion=true"
                                                     + "&completionPollInterval=5&workspaceId=" + workspaceId(),
                            "content", Exchange.FILE_NAME, "broken.pdf"));
            assertThat(e.getStatusDetail()).isEqualTo("Unreadable PDF structure");
            assertThat(e.getFile().status()).isEqualTo("parsing_failed");
        }
    }

    @Test
    void waitForCompletionGivesUpAfterTheTimeout() {
        // the manual clock does not move: the document stays pending
        ParadigmCompletionTimeoutException e = failureOf(ParadigmCompletionTimeoutException.class,
                () -> template.sendBodyAndHeader("paradigm:upload?waitForCompletion=true&completionTimeout=150"
                                                 + "&completionPollInterval=20&workspaceId=" + workspaceId(),
                        "content", Exchange.FILE_NAME, "slow.txt"));
        assertThat(e.getFile().status()).isEqualTo("pending");
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(1);
    }

    /** Moves the emulator's manual clock one second every few milliseconds, until closed. */
    private static AutoCloseable runEmulatorClock() {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> EMULATOR.advance(Duration.ofSeconds(1)), 5, 5, TimeUnit.MILLISECONDS);
        return ticker::shutdownNow;
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
