package io.camelparadigm.component.paradigm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.TagDefinition;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** updateFile, deleteFile, bulkDelete, removeTag and listTags against the emulator. */
class FileChangeOperationsTest extends EmulatorRouteTestSupport {

    private static final String FAST = "retryInitialDelay=5&retryMaxDelay=20";

    @TempDir
    Path dir;

    // ---- updateFile

    @Test
    void updateFileWithoutABodyChangesTitleTagsAndMetadataButNotTheContent() {
        List<Long> tags = EMULATOR.tagIds();
        long id = upload("report.txt", "the content", "rep-1", tags.get(0));
        EMULATOR.completeAll();

        Exchange answer = template.request("paradigm:updateFile", e -> {
            e.getMessage().setHeader(ParadigmConstants.FILE_ID, id);
            e.getMessage().setHeader(ParadigmConstants.TITLE, "Quarterly report");
            e.getMessage().setHeader(ParadigmConstants.TAGS, List.of(tags.get(1), tags.get(2)));
            e.getMessage().setHeader(ParadigmConstants.DOC_TYPE, "report");
        });

        assertThat(answer.getException()).isNull();
        ParadigmFile file = answer.getMessage().getBody(ParadigmFile.class);
        assertThat(file.title()).isEqualTo("Quarterly report");
        assertThat(file.externalMetadata().docType()).isEqualTo("report");
        assertThat(file.externalId()).isEqualTo("rep-1");
        assertThat(file.status()).as("not processed again").isEqualTo("embedded");
        assertThat(answer.getMessage().getHeader(ParadigmConstants.FILE_ID)).isEqualTo(id);
        assertThat(EMULATOR.storedFiles()).singleElement().satisfies(stored -> {
            assertThat(stored.tagIds()).containsExactly(tags.get(1), tags.get(2));
            assertThat(stored.sha256()).isEqualTo(sha256("the content"));
        });
    }

    @Test
    void updateFileWithAFileBodyReplacesTheContentInPlace() throws Exception {
        long id = upload("report.txt", "first", "rep-2");
        EMULATOR.completeAll();
        Path second = Files.writeString(dir.resolve("report-v2.txt"), "second version");

        Exchange answer = template.request("paradigm:updateFile?fileId=" + id, e -> e.getMessage().setBody(second.toFile()));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.STATUS)).isEqualTo("pending");
        assertThat(EMULATOR.storedFiles()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(id);
            assertThat(stored.filename()).isEqualTo("report-v2.txt");
            assertThat(stored.sha256()).isEqualTo(sha256("second version"));
        });
    }

    @Test
    void updateFileFindsTheDocumentByItsExternalId() {
        upload("a.txt", "older copy", "dup-1");
        long newest = upload("a.txt", "newer copy", "dup-1");

        ParadigmFile file = template.requestBodyAndHeaders("paradigm:updateFile?workspaceId=" + workspaceId(),
                "third", Map.of(ParadigmConstants.EXTERNAL_ID, "dup-1", ParadigmConstants.FILENAME, "a.txt"),
                ParadigmFile.class);

        assertThat(file.id()).isEqualTo(newest);
        assertThat(requests("GET", "/api/v3/files")).singleElement().satisfies(lookup ->
                assertThat(lookup.query()).contains("external_metadata__external_id=dup-1").contains("page_size=1"));
        assertThat(stored(newest).sha256()).isEqualTo(sha256("third"));
    }

    @Test
    void updateFileOfAnUnknownExternalIdFailsWithoutChangingAnything() {
        ParadigmDocumentNotFoundException e = failureOf(ParadigmDocumentNotFoundException.class,
                () -> template.sendBodyAndHeader("paradigm:updateFile?title=x&workspaceId=" + workspaceId(), null,
                        ParadigmConstants.EXTERNAL_ID, "nowhere-1"));

        assertThat(e.getMessage()).isEqualTo("updateFile: no document with external_id 'nowhere-1' in workspace "
                                             + workspaceId());
        assertThat(EMULATOR.requests()).extracting(RecordedRequest::method).containsOnly("GET");
    }

    @Test
    void updateFileIsRefusedBeforeAnyRequestWhenThereIsNothingToChangeOrTheContentIsTooLarge() {
        long id = upload("a.txt", "x", null);
        EMULATOR.clearRequests();

        ParadigmValidationException nothing = failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader("paradigm:updateFile", null, ParadigmConstants.FILE_ID, id));
        ParadigmValidationException tooLarge = failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeaders("paradigm:updateFile?maxFileSize=4", "five!",
                        Map.of(ParadigmConstants.FILE_ID, id, ParadigmConstants.FILENAME, "a.txt")));
        ParadigmValidationException noTarget = failureOf(ParadigmValidationException.class,
                () -> template.sendBody("paradigm:updateFile?title=x", null));

        assertThat(nothing.getMessage()).startsWith("updateFile: nothing to change");
        assertThat(tooLarge.getMessage()).startsWith("updateFile: the message body has 5 bytes, more than maxFileSize=4");
        assertThat(noTarget.getMessage()).contains("fileId").contains(ParadigmConstants.EXTERNAL_ID);
        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void updateFileErrorsNameTheOperationTheStatusAndTheServersMessage() {
        long id = upload("a.txt", "x", null);

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:updateFile?tags=" + EMULATOR.foreignTagId(), null,
                        ParadigmConstants.FILE_ID, id));

        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("updateFile: ").contains("HTTP 400")
                .contains(String.valueOf(EMULATOR.foreignTagId())).doesNotContain(EMULATOR.apiKey());
    }

    @Test
    void aLostAnswerOfAnUpdateIsSentAgainSinceTheSameChangeTwiceIsTheSameChange() throws Exception {
        long id = upload("a.txt", "x", null);
        Path file = Files.writeString(dir.resolve("a.txt"), "new content");
        EMULATOR.faults().dropAfterChange(1);

        Exchange answer = template.request("paradigm:updateFile?title=Renamed&" + FAST,
                e -> {
                    e.getMessage().setBody(file.toFile());
                    e.getMessage().setHeader(ParadigmConstants.FILE_ID, id);
                });

        assertThat(answer.getException()).isNull();
        assertThat(requests("PATCH", "/api/v3/files/" + id)).extracting(RecordedRequest::status).containsExactly(0, 200);
        assertThat(stored(id).sha256()).isEqualTo(sha256("new content"));
        assertThat(stored(id).title()).isEqualTo("Renamed");
    }

    @Test
    void aOneShotStreamIsCopiedSoThatItCanBeSentAgainAfterALostAnswer() {
        long id = upload("a.txt", "x", null);
        EMULATOR.faults().dropAfterChange(1);

        Exchange answer = template.request("paradigm:updateFile?" + FAST, e -> {
            e.getMessage().setBody(new ByteArrayInputStream("streamed once".getBytes(StandardCharsets.UTF_8)));
            e.getMessage().setHeader(ParadigmConstants.FILE_ID, id);
            e.getMessage().setHeader(Exchange.FILE_NAME, "streamed.txt");
        });

        assertThat(answer.getException()).isNull();
        assertThat(requests("PATCH", "/api/v3/files/" + id)).extracting(RecordedRequest::status).containsExactly(0, 200);
        assertThat(stored(id).sha256()).isEqualTo(sha256("streamed once"));
    }

    // ---- deleteFile

    @Test
    void deleteFileByIdAnswersWhatItDeleted() {
        long id = upload("a.txt", "x", null);
        long kept = upload("b.txt", "y", null);

        Exchange answer = template.request("paradigm:deleteFile", e -> e.getMessage().setHeader(ParadigmConstants.FILE_ID, id));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(true);
        assertThat(answer.getMessage().getHeader(ParadigmConstants.COUNT)).isEqualTo(1L);
        assertThat(answer.getMessage().getBody(List.class)).containsExactly(id);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactly(kept);
    }

    @Test
    void deletingWhatIsAlreadyGoneSucceedsUnlessFailIfAbsent() {
        long id = upload("a.txt", "x", null);
        template.sendBodyAndHeader("paradigm:deleteFile", null, ParadigmConstants.FILE_ID, id);

        Exchange again = template.request("paradigm:deleteFile", e -> e.getMessage().setHeader(ParadigmConstants.FILE_ID, id));
        ParadigmApiException strict = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:deleteFile?failIfAbsent=true", null,
                        ParadigmConstants.FILE_ID, id));

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(false);
        assertThat(again.getMessage().getBody(List.class)).isEmpty();
        assertThat(strict.getHttpStatus()).isEqualTo(404);
        assertThat(strict.getMessage()).startsWith("deleteFile: ");
    }

    @Test
    void deleteFileByExternalIdDeletesEveryDocumentWithIt() {
        long first = upload("a.txt", "one", "gone-1");
        long second = upload("a.txt", "two", "gone-1");
        long other = upload("b.txt", "three", "kept-1");

        Exchange answer = template.request("paradigm:deleteFile?workspaceId=" + workspaceId(),
                e -> e.getMessage().setHeader(ParadigmConstants.EXTERNAL_ID, "gone-1"));

        assertThat(answer.getMessage().getBody(List.class)).containsExactlyInAnyOrder(first, second);
        assertThat(answer.getMessage().getHeader(ParadigmConstants.COUNT)).isEqualTo(2L);
        assertThat(answer.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(true);
        assertThat(EMULATOR.storedFiles()).extracting(StoredFile::id).containsExactly(other);
    }

    @Test
    void deleteFileOfAnUnknownExternalIdSendsNoDeleteAndFailsOnlyWithFailIfAbsent() {
        Exchange lenient = template.request("paradigm:deleteFile?externalId=never-1", e -> { });
        ParadigmDocumentNotFoundException strict = failureOf(ParadigmDocumentNotFoundException.class,
                () -> template.sendBody("paradigm:deleteFile?externalId=never-1&failIfAbsent=true", null));

        assertThat(lenient.getException()).isNull();
        assertThat(lenient.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(false);
        assertThat(strict.getExternalId()).isEqualTo("never-1");
        assertThat(EMULATOR.requests()).extracting(RecordedRequest::method).containsOnly("GET");
    }

    @Test
    void aLostAnswerOfADeleteIsCheckedNotResent() {
        long id = upload("a.txt", "x", null);
        EMULATOR.faults().dropAfterChange(1);

        Exchange answer = template.request("paradigm:deleteFile?" + FAST,
                e -> e.getMessage().setHeader(ParadigmConstants.FILE_ID, id));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(true);
        assertThat(requests("DELETE", "/api/v3/files/" + id)).extracting(RecordedRequest::status).containsExactly(0);
        assertThat(requests("GET", "/api/v3/files/" + id)).extracting(RecordedRequest::status).containsExactly(404);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void deleteFileInAWorkspaceTheKeyOnlyViewsFailsWithTheServersAnswer() {
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:deleteFile?failIfAbsent=false", null,
                        ParadigmConstants.FILE_ID, id));

        assertThat(e.getHttpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).startsWith("deleteFile: ").contains("permission");
        assertThat(EMULATOR.storedFiles()).hasSize(1);
    }

    // ---- bulkDelete

    @Test
    void bulkDeleteTakesTheIdsFromTheBodyOrTheHeader() {
        long a = upload("a.txt", "a", null);
        long b = upload("b.txt", "b", null);
        long c = upload("c.txt", "c", null);
        long d = upload("d.txt", "d", null);

        Exchange fromBody = template.request("paradigm:bulkDelete", e -> e.getMessage().setBody(List.of(a, b)));
        Exchange fromHeader = template.request("paradigm:bulkDelete",
                e -> e.getMessage().setHeader(ParadigmConstants.FILE_IDS, c + "," + d));

        assertThat(fromBody.getMessage().getBody(List.class)).containsExactly(a, b);
        assertThat(fromHeader.getMessage().getBody(List.class)).containsExactly(c, d);
        assertThat(fromHeader.getMessage().getHeader(ParadigmConstants.COUNT)).isEqualTo(2L);
        assertThat(requests("POST", "/api/v3/files/bulk-delete")).hasSize(2);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void bulkDeleteWithAnIdAlreadyGoneDeletesTheOthersUnlessFailIfAbsent() {
        long a = upload("a.txt", "a", null);
        long b = upload("b.txt", "b", null);
        long gone = upload("c.txt", "c", null);
        template.sendBodyAndHeader("paradigm:deleteFile", null, ParadigmConstants.FILE_ID, gone);

        ParadigmApiException strict = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:bulkDelete?failIfAbsent=true", List.of(a, gone, b)));
        assertThat(strict.getHttpStatus()).isEqualTo(404);
        assertThat(EMULATOR.storedFiles()).as("all or nothing").hasSize(2);

        Exchange lenient = template.request("paradigm:bulkDelete", e -> e.getMessage().setBody(List.of(a, gone, b)));

        assertThat(lenient.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(false);
        assertThat(lenient.getMessage().getBody(List.class)).containsExactly(a, b);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void bulkDeleteIncludingAFileTheKeyMayNotWriteDeletesNothing() {
        long a = upload("a.txt", "a", null);
        long readOnly = EMULATOR.seedFile(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "viewed.pdf").build());

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:bulkDelete", a + "," + readOnly));

        assertThat(e.getHttpStatus()).isEqualTo(403);
        assertThat(e.getMessage()).startsWith("bulkDelete: ").contains(String.valueOf(readOnly));
        assertThat(EMULATOR.storedFiles()).hasSize(2);
    }

    @Test
    void aLostAnswerOfABulkDeleteIsCheckedNotResent() {
        long a = upload("a.txt", "a", null);
        long b = upload("b.txt", "b", null);
        EMULATOR.faults().dropAfterChange(1);

        Exchange answer = template.request("paradigm:bulkDelete?" + FAST, e -> e.getMessage().setBody(List.of(a, b)));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(true);
        assertThat(requests("POST", "/api/v3/files/bulk-delete")).extracting(RecordedRequest::status).containsExactly(0);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void bulkDeleteWithoutIdsOrWithABadOneIsRefusedBeforeAnyRequest() {
        ParadigmValidationException none = failureOf(ParadigmValidationException.class,
                () -> template.sendBody("paradigm:bulkDelete", null));
        ParadigmValidationException bad = failureOf(ParadigmValidationException.class,
                () -> template.sendBodyAndHeader("paradigm:bulkDelete", null, ParadigmConstants.FILE_IDS, "12,x"));

        assertThat(none.getMessage()).startsWith("bulkDelete: no file ids to delete");
        assertThat(bad.getMessage()).startsWith("bulkDelete: header " + ParadigmConstants.FILE_IDS + " '12,x' holds 'x'");
        assertThat(EMULATOR.requests()).isEmpty();
    }

    // ---- removeTag, listTags

    @Test
    void removeTagTakesTheTagsOffAndSaysWhichWereThere() {
        List<Long> tags = EMULATOR.tagIds();
        long id = upload("a.txt", "x", null, tags.get(0), tags.get(1));

        Exchange answer = template.request("paradigm:removeTag?fileId=" + id + "&tags=" + tags.get(0) + "," + tags.get(2),
                e -> { });
        ParadigmApiException strict = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:removeTag?failIfAbsent=true&fileId=" + id + "&tags=" + tags.get(2),
                        null));

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody(List.class)).containsExactly(tags.get(0));
        assertThat(answer.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(false);
        assertThat(stored(id).tagIds()).containsExactly(tags.get(1));
        assertThat(strict.getHttpStatus()).isEqualTo(404);
    }

    @Test
    void removeTagFromAFileThatDoesNotExistFails() {
        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:removeTag?fileId=987654&tags=" + EMULATOR.tagIds().get(0), null));

        assertThat(e.getHttpStatus()).isEqualTo(404);
        assertThat(e.getMessage()).startsWith("removeTag: ");
    }

    @Test
    void aLostAnswerOfATagRemovalIsCheckedNotResent() {
        long tag = EMULATOR.tagIds().get(0);
        long id = upload("a.txt", "x", null, tag);
        EMULATOR.faults().dropAfterChange(1);

        Exchange answer = template.request("paradigm:removeTag?" + FAST + "&fileId=" + id + "&tags=" + tag, e -> { });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getHeader(ParadigmConstants.DELETED)).isEqualTo(true);
        assertThat(requests("DELETE", "/api/v3/files/" + id + "/tags/" + tag)).extracting(RecordedRequest::status)
                .containsExactly(0);
        assertThat(stored(id).tagIds()).isEmpty();
    }

    @Test
    void listTagsAnswersEveryTagWithItsDocumentCount() {
        List<Long> tags = EMULATOR.tagIds();
        upload("a.txt", "x", null, tags.get(0));
        upload("b.txt", "y", null, tags.get(0), tags.get(1));

        Exchange answer = template.request("paradigm:listTags", e -> { });

        @SuppressWarnings("unchecked")
        List<TagDefinition> listed = answer.getMessage().getBody(List.class);
        Map<Long, Long> counts = new HashMap<>();
        listed.forEach(tag -> counts.put(tag.id(), tag.documentCount()));
        assertThat(counts).containsEntry(tags.get(0), 2L).containsEntry(tags.get(1), 1L).containsEntry(tags.get(2), 0L)
                .doesNotContainKey(EMULATOR.foreignTagId());
        assertThat(answer.getMessage().getHeader(ParadigmConstants.COUNT)).isEqualTo((long) listed.size());
        assertThat(listed).allSatisfy(tag -> assertThat(tag.name()).isNotBlank());
    }

    // ---- helpers

    private long upload(String filename, String content, String externalId, Long... tags) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(ParadigmConstants.FILENAME, filename);
        if (externalId != null) {
            headers.put(ParadigmConstants.EXTERNAL_ID, externalId);
        }
        if (tags.length > 0) {
            headers.put(ParadigmConstants.TAGS, List.of(tags));
        }
        long id = template.requestBodyAndHeaders("paradigm:upload?workspaceId=" + workspaceId(), content, headers,
                ParadigmFile.class).id();
        EMULATOR.advance(Duration.ofMillis(1));
        return id;
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredFile stored(long id) {
        return EMULATOR.storedFiles().stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + id));
    }
}
