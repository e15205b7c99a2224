package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every example answer of the vendor's pages (src/test/resources/vendor-examples), served over HTTP to the client:
 * each one is read correctly, nulls included, or refused with an error that says what is wrong with it.
 */
class VendorExamplesTest {

    private CannedServer server;
    private ParadigmClient client;

    @BeforeEach
    void start() throws IOException {
        server = new CannedServer();
        client = server.client();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void uploadAnswersAreRead() throws IOException {
        UploadResult plain = upload("upload-201-FileUploadedSuccessfully.json", 201);
        assertThat(plain.httpStatus()).isEqualTo(201);
        ParadigmFile file = plain.file();
        assertThat(file.id()).isEqualTo(12345);
        assertThat(file.filename()).isEqualTo("document.pdf");
        assertThat(file.title()).isEqualTo("document");
        assertThat(file.extension()).isEqualTo("pdf");
        assertThat(file.status()).isEqualTo("pending");
        assertThat(file.statusVision()).isNull();
        assertThat(file.externalMetadata()).isNull();
        assertThat(file.workspace().workspaceType()).isEqualTo("custom");
        assertThat(file.createdBy().username()).isEqualTo("jdoe");
        assertThat(file.uploadSessionUuid()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(file.createdAt()).hasToString("2025-03-01T10:30Z");
        assertThat(file.totalPages()).isZero();
        assertThat(file.summaries()).isEmpty();
        assertThat(file.message()).isEqualTo("File queued for processing");

        assertThat(upload("upload-201-FileUploadedWithTags.json", 201).file().tags())
                .containsExactly(new Tag(1, "Compliance", false), new Tag(2, "Legal", false));

        ParadigmFile external = upload("upload-201-FileUploadedWithExternalMetadata.json", 201).file();
        assertThat(external.externalId()).isEqualTo("SRV-456789");
        assertThat(external.externalMetadata().docType()).isEqualTo("incident");
        assertThat(external.externalMetadata().additionalMetadata())
                .containsEntry("external_url", "https://servicenow.example.com/incident/SRV-456789")
                .containsEntry("external_full_path", "ServiceNow > Incidents > SRV-456789");

        UploadResult tagError = upload("upload-207-FileUploadedWithTagError.json", 207);
        assertThat(tagError.httpStatus()).isEqualTo(207);
        assertThat(tagError.file().message()).contains("tag assignment failed").contains("999");

        assertThat(upload("upload-guide-201-Response.json", 201).file().createdBy().id()).isEqualTo(1);
    }

    @Test
    void theAddTagsAnswerIsReadThoughItsWorkspaceHasNoType() throws IOException {
        server.answer(200, example("add-tags-200-TagsAddedSuccessfully.json"));

        ParadigmFile file = client.addTags(123, List.of(1L, 2L));

        assertThat(file.workspace().name()).isEqualTo("Engineering Team");
        assertThat(file.workspace().workspaceType()).isNull();
        assertThat(file.tags()).extracting(Tag::autoAssigned).containsExactly(false, false);
        assertThat(file.signature()).startsWith("T1A1B2");
        assertThat(file.parser()).isEqualTo("v2.2.1");
        assertThat(file.size()).isEqualTo(2458624L);
        assertThat(file.summaries()).singleElement().satisfies(s -> assertThat(s.language()).isEqualTo("en"));
    }

    @Test
    void theListExamplesNestResultsInASecondListAndAreRefusedSayingSo() throws IOException {
        for (String example : List.of("list-files-200-ListOfFiles.json", "list-files-200-ListOfFiles-withSearchDetails.json",
                "list-files-200-ListOfFiles-withIncludeDetails-true.json")) {
            server.answer(200, example(example));

            assertThatThrownBy(() -> client.listFiles(FileQuery.builder().build()), example)
                    .isInstanceOf(ParadigmApiException.class)
                    .hasMessageStartingWith("listFiles: HTTP 200 but the 'results' list holds lists instead of objects")
                    .satisfies(e -> assertThat(((ParadigmApiException) e).getError()).isEqualTo("malformed_response"));
        }
    }

    @Test
    void theListExamplesWithTheirResultsFlattenedAreReadNullsIncluded() throws IOException {
        ObjectNode page = (ObjectNode) ParadigmJson.mapper().readTree(example("list-files-200-ListOfFiles.json"));
        page.set("results", page.get("results").get(0));
        server.answer(200, page.toString());

        List<ParadigmFile> files = client.listFiles(FileQuery.builder().build()).results();

        assertThat(files).extracting(ParadigmFile::id).containsExactly(123L, 124L, 125L);
        assertThat(files.get(0).tags()).containsExactly(new Tag(10, "Project X", false));
        assertThat(files.get(0).externalMetadata().additionalMetadata()).containsEntry("version", "2.3");
        assertThat(files.get(1).statusVision()).isEqualTo("-");
        assertThat(files.get(1).externalMetadata()).isNull();
        assertThat(files.get(1).size()).isNull();
        assertThat(files.get(2).workspace()).isNull();
        assertThat(files.get(2).createdBy()).isNull();
        assertThat(files.get(2).externalId()).isEqualTo("KB-2024-003");

        ObjectNode search = (ObjectNode) ParadigmJson.mapper()
                .readTree(example("list-files-200-ListOfFiles-withSearchDetails.json"));
        search.set("results", search.get("results").get(0));
        server.answer(200, search.toString());
        ParadigmFile found = client.listFiles(FileQuery.builder().search("Q4").build()).results().get(0);
        assertThat(found.searchDetails().relevantChunks()).singleElement().satisfies(chunk -> {
            assertThat(chunk.finalScore()).isEqualTo(0.0328);
            assertThat(chunk.metadata()).containsEntry("pages", "12-12");
        });
    }

    @Test
    @Timeout(60)   // the link used to be followed, to a server that answers the same page again, endlessly
    void theExamplesNextLinkPointsElsewhereAndFollowingItIsAPaginationError() throws IOException {
        ObjectNode page = (ObjectNode) ParadigmJson.mapper().readTree(example("list-files-200-ListOfFiles.json"));
        ArrayNode flat = (ArrayNode) page.get("results").get(0);
        page.set("results", flat);
        server.answer(200, page.toString());   // next: http://api.example.org/accounts/?page=4

        assertThatThrownBy(() -> client.listAllFiles(FileQuery.builder().build(), 0))
                .isInstanceOf(ParadigmException.class)
                .hasMessage("listFiles: cannot follow the pagination: the answer's 'next' link "
                            + "'http://api.example.org/accounts/?page=4' is not a page of /api/v3/files");
        assertThat(server.requests()).as("nothing sent to the wrong place").hasSize(1);
    }

    private UploadResult upload(String example, int status) throws IOException {
        server.answer(status, example(example));
        return client.upload(new UploadRequest(42, new UploadContent.FromBytes("pdf".getBytes(), "document.pdf"),
                null, null, null, List.of(), null));
    }

    private static String example(String name) throws IOException {
        try (InputStream in = VendorExamplesTest.class.getResourceAsStream("/vendor-examples/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
