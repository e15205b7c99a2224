package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.Workspace;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListingAndLookupTest extends EmulatorRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:walk")
                        .to("paradigm:listFiles?streamResults=true&pageSize=40&workspaceId=" + workspaceId())
                        .split(body()).streaming()
                        .to("mock:file");
            }
        };
    }

    @Test
    void listFilesFollowsEveryPageWithoutMissingOrRepeatingAFile() {
        List<Long> seeded = EMULATOR.seedFiles(workspaceId(), 250, "doc");
        EMULATOR.clearRequests();

        Exchange answer = template.request("paradigm:listFiles?pageSize=100&workspaceId=" + workspaceId(), e -> {
        });

        List<ParadigmFile> files = filesOf(answer);
        assertThat(files).extracting(ParadigmFile::id).containsExactlyInAnyOrderElementsOf(seeded);
        assertThat(answer.getMessage().getHeader(ParadigmConstants.COUNT)).isEqualTo(250L);
        assertThat(requests("GET", "/api/v3/files")).hasSize(3);
    }

    @Test
    void streamedListingFetchesTheNextPageOnlyWhenNeeded() {
        EMULATOR.seedFiles(workspaceId(), 250, "doc");
        EMULATOR.clearRequests();

        Iterator<?> files = template.requestBody(
                "paradigm:listFiles?streamResults=true&pageSize=100&workspaceId=" + workspaceId(), null, Iterator.class);
        assertThat(requests("GET", "/api/v3/files")).hasSize(1);
        for (int i = 0; i < 101; i++) {
            files.next();
        }
        assertThat(requests("GET", "/api/v3/files")).hasSize(2);
        Set<Object> ids = new HashSet<>();
        files.forEachRemaining(f -> ids.add(((ParadigmFile) f).id()));
        assertThat(ids).hasSize(149);
        assertThat(requests("GET", "/api/v3/files")).hasSize(3);
    }

    @Test
    void streamingSplitterWalksEveryFile() throws Exception {
        EMULATOR.seedFiles(workspaceId(), 130, "doc");
        MockEndpoint mock = getMockEndpoint("mock:file");
        mock.expectedMessageCount(130);

        template.sendBody("direct:walk", null);

        mock.assertIsSatisfied();
        Set<Long> ids = new HashSet<>();
        mock.getExchanges().forEach(e -> ids.add(e.getMessage().getBody(ParadigmFile.class).id()));
        assertThat(ids).hasSize(130);
    }

    @Test
    void maxResultsStopsTheListingEarly() {
        EMULATOR.seedFiles(workspaceId(), 250, "doc");
        EMULATOR.clearRequests();

        List<ParadigmFile> files = filesOf(template.request(
                "paradigm:listFiles?maxResults=120&pageSize=100&workspaceId=" + workspaceId(), e -> {
                }));

        assertThat(files).hasSize(120);
        assertThat(requests("GET", "/api/v3/files")).hasSize(2);
    }

    @Test
    void filtersComeFromOptionsAndHeadersOverrideThem() {
        long ws = workspaceId();
        long tag = EMULATOR.tagIds().get(0);
        EMULATOR.seedFile(SeedFile.builder(ws, "contract.pdf").title("Supplier contract").externalMetadata(
                Map.of("external_id", "SP-1", "doc_type", "legal-contract")).tagIds(tag).build());
        EMULATOR.seedFile(SeedFile.builder(ws, "notes.txt").title("Meeting notes").status("embedded").build());
        EMULATOR.seedFile(SeedFile.builder(ws, "invoice.pdf").title("Invoice 42").status("fail")
                .statusDetail("bad scan").build());
        String uri = "paradigm:listFiles?workspaceId=" + ws;

        assertThat(names(uri + "&extension=pdf", Map.of())).containsExactlyInAnyOrder("contract.pdf", "invoice.pdf");
        assertThat(names(uri + "&extension=pdf", Map.of(ParadigmConstants.FILTER_EXTENSION, "txt")))
                .containsExactly("notes.txt");
        assertThat(names(uri + "&externalId=SP-1", Map.of())).containsExactly("contract.pdf");
        assertThat(names(uri + "&externalId=SP-0", Map.of(ParadigmConstants.FILTER_EXTERNAL_ID, "SP-1")))
                .containsExactly("contract.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_DOC_TYPE, "contract"))).containsExactly("contract.pdf");
        assertThat(names(uri + "&status=embedded,fail", Map.of())).containsExactlyInAnyOrder("notes.txt", "invoice.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_STATUS, List.of("fail")))).containsExactly("invoice.pdf");
        assertThat(names(uri + "&tags=" + tag, Map.of())).containsExactly("contract.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_TITLE, "invoice"))).containsExactly("invoice.pdf");
        assertThat(names(uri + "&filename=note", Map.of())).containsExactly("notes.txt");
        assertThat(names(uri + "&ordering=title", Map.of()))
                .containsExactly("invoice.pdf", "notes.txt", "contract.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.ORDERING, "-filename")))
                .containsExactly("notes.txt", "invoice.pdf", "contract.pdf");
    }

    @Test
    void dateVisionPageCountAndWorkspaceFiltersComeFromOptionsOrHeaders() {
        long ws = workspaceId();
        long other = EMULATOR.createWorkspace("archive");
        Instant now = EMULATOR.now();
        EMULATOR.seedFile(SeedFile.builder(ws, "old.pdf").status("embedded").statusVision("embedded")
                .createdAt(now.minus(Duration.ofDays(10))).totalPages(2).build());
        EMULATOR.seedFile(SeedFile.builder(ws, "new.pdf").status("embedded").statusVision("fail")
                .createdAt(now.minus(Duration.ofDays(1))).totalPages(40).build());
        EMULATOR.seedFile(SeedFile.builder(other, "archived.pdf").status("embedded")
                .createdAt(now.minus(Duration.ofDays(100))).build());
        String uri = "paradigm:listFiles?workspaceId=" + ws;
        String fiveDaysAgo = now.minus(Duration.ofDays(5)).toString();

        assertThat(names(uri + "&createdAtAfter=" + fiveDaysAgo, Map.of())).containsExactly("new.pdf");
        assertThat(names(uri + "&createdAtAfter=" + fiveDaysAgo,
                Map.of(ParadigmConstants.FILTER_CREATED_AT_AFTER, now.minus(Duration.ofDays(20)).toString())))
                .containsExactlyInAnyOrder("old.pdf", "new.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_CREATED_AT_BEFORE, fiveDaysAgo))).containsExactly("old.pdf");
        assertThat(names(uri + "&updatedAtBefore=" + fiveDaysAgo, Map.of())).containsExactly("old.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_UPDATED_AT_AFTER, fiveDaysAgo))).containsExactly("new.pdf");
        assertThat(names(uri + "&totalPagesMin=10", Map.of())).containsExactly("new.pdf");
        assertThat(names(uri + "&totalPagesMin=10", Map.of(ParadigmConstants.FILTER_TOTAL_PAGES_MIN, 1,
                ParadigmConstants.FILTER_TOTAL_PAGES_MAX, 5))).containsExactly("old.pdf");
        assertThat(names(uri + "&statusVision=fail", Map.of())).containsExactly("new.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_STATUS_VISION, "embedded"))).containsExactly("old.pdf");
        assertThat(names(uri, Map.of(ParadigmConstants.FILTER_WORKSPACE_ID, other))).containsExactly("archived.pdf");
        assertThat(requests("GET", "/api/v3/files")).allSatisfy(r -> assertThat(r.query()).contains("workspace_id="));
    }

    @Test
    void searchStreamsLazilyAndHonoursMaxResults() {
        for (int i = 0; i < 30; i++) {
            EMULATOR.seedFile(SeedFile.builder(workspaceId(), "hit-" + i + ".txt").status("embedded")
                    .content("budget review " + i).build());
        }
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "miss.txt").status("embedded").content("unrelated").build());
        EMULATOR.clearRequests();

        Iterator<?> hits = template.requestBody("paradigm:search?search=budget&streamResults=true&pageSize=10&workspaceId="
                                                + workspaceId(), null, Iterator.class);
        assertThat(requests("GET", "/api/v3/files")).hasSize(1);
        Set<String> names = new HashSet<>();
        hits.forEachRemaining(f -> names.add(((ParadigmFile) f).filename()));
        assertThat(names).hasSize(30).doesNotContain("miss.txt");
        assertThat(requests("GET", "/api/v3/files")).hasSize(3);

        Exchange capped = template.request("paradigm:search?maxResults=5&pageSize=10&workspaceId=" + workspaceId(),
                e -> e.getMessage().setHeader(ParadigmConstants.SEARCH, "budget"));
        assertThat(filesOf(capped)).hasSize(5);
        assertThat(capped.getMessage().getHeader(ParadigmConstants.COUNT)).isEqualTo(30L);
    }

    @Test
    void filterByUploadSessionFindsTheBatch() {
        String session = template.requestBodyAndHeader("paradigm:upload?workspaceId=" + workspaceId(), "a",
                Exchange.FILE_NAME, "one.txt", ParadigmFile.class).uploadSessionUuid();
        template.sendBodyAndHeader("paradigm:upload?workspaceId=" + workspaceId(), "b", Exchange.FILE_NAME, "two.txt");
        EMULATOR.seedFiles(workspaceId(), 3, "other");

        assertThat(names("paradigm:listFiles?uploadSessionUuid=" + session, Map.of()))
                .containsExactlyInAnyOrder("one.txt", "two.txt");
    }

    @Test
    void searchRanksMatchingDocuments() {
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "a.txt").title("Holiday policy").content("holiday holiday").build());
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "b.txt").title("Expense policy").content("expenses").build());

        List<ParadigmFile> found = filesOf(template.request("paradigm:search?workspaceId=" + workspaceId(),
                e -> e.getMessage().setHeader(ParadigmConstants.SEARCH, "holiday")));

        assertThat(found).extracting(ParadigmFile::filename).first().isEqualTo("a.txt");
        assertThat(found).extracting(ParadigmFile::filename).doesNotContain("b.txt");
        assertThat(requests("GET", "/api/v3/files").get(0).query()).contains("search=holiday");
    }

    @Test
    void getFileAnswersTheDocumentWithItsParsedTextOnRequest() {
        long id = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "c.txt").status("embedded").content("the parsed words").build());

        ParadigmFile withoutContent = template.requestBodyAndHeader("paradigm:getFile", null,
                ParadigmConstants.FILE_ID, id, ParadigmFile.class);
        ParadigmFile withContent = template.requestBody("paradigm:getFile?includeContent=true&fileId=" + id, null,
                ParadigmFile.class);

        assertThat(withoutContent.id()).isEqualTo(id);
        assertThat(withoutContent.content()).isNull();
        assertThat(withContent.content()).contains("the parsed words");
    }

    @Test
    void addTagsTakesTagsFromHeaderOptionOrBody() {
        long id = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "t.txt").build());
        List<Long> tags = EMULATOR.tagIds();

        template.sendBodyAndHeaders("paradigm:addTags", null,
                Map.of(ParadigmConstants.FILE_ID, id, ParadigmConstants.TAGS, List.of(tags.get(0))));
        template.sendBody("paradigm:addTags?fileId=" + id + "&tags=" + tags.get(1), null);
        ParadigmFile updated = template.requestBodyAndHeader("paradigm:addTags", tags.get(2) + "," + tags.get(0),
                ParadigmConstants.FILE_ID, id, ParadigmFile.class);

        assertThat(updated.tags()).extracting(t -> t.id()).containsExactlyInAnyOrderElementsOf(tags.subList(0, 3));
        assertThat(EMULATOR.storedFiles(workspaceId()).get(0).tagIds()).hasSize(3);
    }

    @Test
    void addTagsReportsTheServersRefusal() {
        long id = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "t.txt").build());

        ParadigmApiException unknownFile = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:addTags?fileId=999999&tags=" + EMULATOR.tagIds().get(0), null));
        ParadigmApiException foreignTag = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:addTags?fileId=" + id + "&tags=" + EMULATOR.foreignTagId(), null));

        assertThat(unknownFile.getHttpStatus()).isEqualTo(404);
        assertThat(unknownFile.getOperation()).isEqualTo("addTags");
        assertThat(foreignTag.getHttpStatus()).isEqualTo(400);
        assertThat(foreignTag.getMessage()).contains("HTTP 400");
    }

    @Test
    void listWorkspacesAndOperationFromHeader() {
        List<?> workspaces = template.requestBodyAndHeader("paradigm:getFile", null, ParadigmConstants.OPERATION,
                ParadigmOperations.listWorkspaces, List.class);

        assertThat(workspaces).extracting(w -> ((Workspace) w).id())
                .contains(workspaceId(), EMULATOR.readOnlyWorkspaceId())
                .doesNotContain(EMULATOR.foreignWorkspaceId());

        // as text, the way a YAML or XML route sets it
        Object viaText = template.requestBodyAndHeader("paradigm:upload", null, ParadigmConstants.OPERATION,
                "listWorkspaces", List.class);
        assertThat(viaText).isEqualTo(workspaces);
    }

    private List<String> names(String uri, Map<String, Object> headers) {
        return filesOf(template.request(uri, e -> e.getMessage().getHeaders().putAll(headers)))
                .stream().map(ParadigmFile::filename).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<ParadigmFile> filesOf(Exchange answer) {
        assertThat(answer.getException()).isNull();
        return answer.getMessage().getBody(List.class);
    }
}
