package io.camelparadigm.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class ListFilesTest {

    /** Sends off-contract requests on purpose, to see the emulator refuse them: only its answers are refereed. */
    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder()
            .contractChecks(ContractChecks.ANSWERS).build();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void listsNewestFirstByDefaultInAPageEnvelope() {
        List<Long> ids = EMULATOR.seedFiles(EMULATOR.workspaceId(), 3, "doc-");

        JsonNode page = list("");

        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("previous").isNull()).isTrue();
        assertThat(ids(page)).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        JsonNode item = page.get("results").get(0);
        assertThat(item.get("size").isNumber()).isTrue();
        assertThat(item.has("search_details")).isTrue();
        assertThat(item.has("signature")).isTrue();
        assertThat(item.has("external_metadata")).isTrue();
    }

    @Test
    void onlyFilesOfVisibleWorkspacesAreListed() {
        long mine = seed(SeedFile.builder(EMULATOR.workspaceId(), "mine.pdf"));
        long readable = seed(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "readable.pdf"));
        seed(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf"));

        assertThat(ids(list(""))).containsExactlyInAnyOrder(mine, readable);
        assertThat(ids(list("?workspace_id=" + EMULATOR.foreignWorkspaceId()))).isEmpty();
        assertThat(ids(list("?filename=secret"))).isEmpty();
    }

    @Test
    void workspaceFilterTakesCommaSeparatedIds() {
        long other = EMULATOR.createWorkspace("Other");
        long a = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf"));
        long b = seed(SeedFile.builder(EMULATOR.readOnlyWorkspaceId(), "b.pdf"));
        long c = seed(SeedFile.builder(other, "c.pdf"));

        assertThat(ids(list("?workspace_id=" + EMULATOR.workspaceId() + "," + other))).containsExactlyInAnyOrder(a, c);
        assertThat(ids(list("?workspace_id=" + EMULATOR.readOnlyWorkspaceId()))).containsExactly(b);
        assertStatus(400, "?workspace_id=abc");
    }

    @Test
    void statusFilterTakesCommaSeparatedOrRepeatedValues() {
        long pending = seed(SeedFile.builder(EMULATOR.workspaceId(), "p.pdf").status("pending"));
        long embedded = seed(SeedFile.builder(EMULATOR.workspaceId(), "e.pdf").status("embedded"));
        long failed = seed(SeedFile.builder(EMULATOR.workspaceId(), "f.pdf").status("parsing_failed").statusDetail("bad pdf"));

        assertThat(ids(list("?status=pending,embedded"))).containsExactlyInAnyOrder(pending, embedded);
        assertThat(ids(list("?status=pending&status=parsing_failed"))).containsExactlyInAnyOrder(pending, failed);
        assertThat(ids(list("?status=embedding"))).isEmpty();
        JsonNode failedItem = list("?status=parsing_failed").get("results").get(0);
        assertThat(failedItem.get("status_detail").asText()).isEqualTo("bad pdf");
        assertStatus(400, "?status=done");
    }

    @Test
    void statusVisionFilterTakesCommaSeparatedValues() {
        long vision = seed(SeedFile.builder(EMULATOR.workspaceId(), "v.pdf").status("embedded").statusVision("embedded"));
        long none = seed(SeedFile.builder(EMULATOR.workspaceId(), "n.docx").status("embedded").statusVision("-"));
        seed(SeedFile.builder(EMULATOR.workspaceId(), "x.pdf").status("parsing").statusVision("processing"));

        assertThat(ids(list("?status_vision=embedded,-"))).containsExactlyInAnyOrder(vision, none);
        assertThat(ids(list("?status_vision=-"))).containsExactly(none);
        assertStatus(400, "?status_vision=done");
    }

    @Test
    void tagFilterMatchesAnyOfTheTags() {
        List<Long> tags = EMULATOR.tagIds();
        long first = seed(SeedFile.builder(EMULATOR.workspaceId(), "1.pdf").tagIds(tags.get(0)));
        long both = seed(SeedFile.builder(EMULATOR.workspaceId(), "2.pdf").tagIds(tags.get(0), tags.get(1)));
        long third = seed(SeedFile.builder(EMULATOR.workspaceId(), "3.pdf").tagIds(tags.get(2)));
        seed(SeedFile.builder(EMULATOR.workspaceId(), "4.pdf"));

        assertThat(ids(list("?tag_id=" + tags.get(0)))).containsExactlyInAnyOrder(first, both);
        assertThat(ids(list("?tag_id=" + tags.get(1) + "," + tags.get(2)))).containsExactlyInAnyOrder(both, third);
        assertStatus(400, "?tag_id=x");
    }

    @Test
    void extensionFilterTakesCommaSeparatedExtensions() {
        long pdf = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.PDF"));
        long docx = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.docx"));
        seed(SeedFile.builder(EMULATOR.workspaceId(), "c.txt"));

        assertThat(ids(list("?extension=pdf,docx"))).containsExactlyInAnyOrder(pdf, docx);
        assertThat(ids(list("?extension=pdf"))).containsExactly(pdf);
    }

    @Test
    void filenameAndTitleMatchPartiallyIgnoringCase() {
        long report = seed(SeedFile.builder(EMULATOR.workspaceId(), "Annual_Report_2024.pdf").title("Yearly figures"));
        long notes = seed(SeedFile.builder(EMULATOR.workspaceId(), "notes.txt").title("Annual meeting notes"));

        assertThat(ids(list("?filename=report"))).containsExactly(report);
        assertThat(ids(list("?filename=ANNUAL"))).containsExactly(report);
        assertThat(ids(list("?title=annual"))).containsExactly(notes);
        assertThat(ids(list("?title=FIGURES"))).containsExactly(report);
    }

    @Test
    void createdAtRangeIsInclusiveAndADateAloneMeansMidnight() {
        long midnight = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").createdAt(Instant.parse("2024-01-01T00:00:00Z")));
        long noon = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.pdf").createdAt(Instant.parse("2024-01-01T12:00:00Z")));
        long nextDay = seed(SeedFile.builder(EMULATOR.workspaceId(), "c.pdf").createdAt(Instant.parse("2024-01-02T00:00:00Z")));

        assertThat(ids(list("?created_at_after=2024-01-01&created_at_before=2024-01-01"))).containsExactly(midnight);
        assertThat(ids(list("?created_at_after=2024-01-01&created_at_before=2024-01-01T23:59:59")))
                .containsExactlyInAnyOrder(midnight, noon);
        assertThat(ids(list("?created_at_after=2024-01-01T12:00:00Z"))).containsExactlyInAnyOrder(noon, nextDay);
        assertThat(ids(list("?created_at_before=2024-01-01T12:00:00.000000Z"))).containsExactlyInAnyOrder(midnight, noon);
        assertThat(ids(list("?created_at_after=2024-01-01T13:00:00%2B01:00&created_at_before=2024-01-01T13:00:00%2B01:00")))
                .containsExactly(noon);
        assertStatus(400, "?created_at_after=yesterday");
    }

    /** The query a keyset page sends (read through the creation-time index): same answer as a filter would give. */
    @Test
    void aPageByKeyListsTheDocumentsCreatedFromTheKeyThatChangedInTheSpan() {
        long before = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").createdAt(Instant.parse("2024-01-01T00:00:00Z")));
        long atKey = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.pdf").createdAt(Instant.parse("2024-01-01T10:00:00Z")));
        long inSpan = seed(SeedFile.builder(EMULATOR.workspaceId(), "c.pdf").createdAt(Instant.parse("2024-01-01T11:00:00Z")));
        long afterSpan = seed(SeedFile.builder(EMULATOR.workspaceId(), "d.pdf").createdAt(Instant.parse("2024-01-01T13:00:00Z")));

        String span = "?ordering=created_at&updated_at_after=2024-01-01T09:00:00Z&updated_at_before=2024-01-01T12:00:00Z";
        assertThat(ids(list(span + "&created_at_after=2024-01-01T10:00:00Z"))).containsExactly(atKey, inSpan);
        assertThat(ids(list(span + "&created_at_after=2024-01-01T10:00:00.000001Z"))).containsExactly(inSpan);
        assertThat(ids(list(span + "&created_at_after=2024-01-01T12:00:00.000001Z"))).isEmpty();
        assertThat(ids(list("?ordering=created_at&created_at_after=2024-01-01T10:00:00Z")))
                .containsExactly(atKey, inSpan, afterSpan);
        assertThat(ids(list("?ordering=created_at&created_at_after=2024-01-01T00:00:00Z&created_at_before=2024-01-01T10:00:00Z")))
                .containsExactly(before, atKey);
    }

    @Test
    void updatedAtRangeFollowsProcessingTransitions() {
        long early = EMULATOR.seedFiles(EMULATOR.workspaceId(), 1, "early-").get(0);
        EMULATOR.advance(Duration.ofMillis(1500));
        long late = EMULATOR.seedFiles(EMULATOR.workspaceId(), 1, "late-").get(0);
        Instant lateCreated = EMULATOR.now();

        // early moved to parsing at start + 1 s; late is pending since start + 1.5 s
        assertThat(ids(list("?updated_at_after=" + lateCreated))).containsExactly(late);
        assertThat(ids(list("?updated_at_before=2025-01-01T00:00:01Z"))).containsExactly(early);

        EMULATOR.advance(Duration.ofSeconds(1));
        assertThat(ids(list("?updated_at_after=" + lateCreated))).containsExactlyInAnyOrder(early, late);
        assertStatus(400, "?updated_at_before=13/01/2025");
    }

    @Test
    void externalIdMatchesExactlyAndDocTypePartially() {
        long incident = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf")
                .externalMetadata(Map.of("external_id", "SN-12345", "doc_type", "Gitlab Issue")));
        long ticket = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.pdf")
                .externalMetadata(Map.of("external_id", "SN-123456", "doc_type", "gitlab ticket")));
        seed(SeedFile.builder(EMULATOR.workspaceId(), "c.pdf"));

        assertThat(ids(list("?external_metadata__external_id=SN-12345"))).containsExactly(incident);
        assertThat(ids(list("?external_metadata__external_id=SN-1234"))).isEmpty();
        assertThat(ids(list("?external_metadata__doc_type=gitlab"))).containsExactlyInAnyOrder(incident, ticket);
        assertThat(ids(list("?external_metadata__doc_type=ISSUE"))).containsExactly(incident);
        assertThat(list("?external_metadata__external_id=SN-12345").get("results").get(0)
                .get("external_metadata").get("doc_type").asText()).isEqualTo("Gitlab Issue");
    }

    @Test
    void uploadSessionFilterListsOneBatch() {
        long first = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").uploadSessionUuid("11111111-1111-1111-1111-111111111111"));
        seed(SeedFile.builder(EMULATOR.workspaceId(), "b.pdf").uploadSessionUuid("22222222-2222-2222-2222-222222222222"));

        assertThat(ids(list("?upload_session_uuid=11111111-1111-1111-1111-111111111111"))).containsExactly(first);
    }

    @Test
    void totalPagesRangeIsInclusive() {
        long five = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").totalPages(5));
        long ten = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.pdf").totalPages(10));
        long fifty = seed(SeedFile.builder(EMULATOR.workspaceId(), "c.pdf").totalPages(50));

        assertThat(ids(list("?total_pages_min=10&total_pages_max=50"))).containsExactlyInAnyOrder(ten, fifty);
        assertThat(ids(list("?total_pages_max=9"))).containsExactly(five);
        assertStatus(400, "?total_pages_min=ten");
    }

    @Test
    void orderingAcceptsCreatedAtTitleFilenameAndDescendingPrefix() {
        long b = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.pdf").title("Zeta"));
        long a = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.pdf").title("alpha"));
        long c = seed(SeedFile.builder(EMULATOR.workspaceId(), "C.pdf").title("Mu"));

        assertThat(ids(list("?ordering=created_at"))).containsExactly(b, a, c);
        assertThat(ids(list("?ordering=-created_at"))).containsExactly(c, a, b);
        assertThat(ids(list("?ordering=title"))).containsExactly(a, c, b);
        assertThat(ids(list("?ordering=-title"))).containsExactly(b, c, a);
        assertThat(ids(list("?ordering=filename"))).containsExactly(a, b, c);
        assertThat(ids(list("?ordering=-filename"))).containsExactly(c, b, a);
    }

    @Test
    void orderingTiesAreBrokenById() {
        Instant same = Instant.parse("2024-05-05T10:00:00Z");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(seed(SeedFile.builder(EMULATOR.workspaceId(), "same.pdf").createdAt(same)));
        }
        assertThat(ids(list("?ordering=created_at"))).containsExactlyElementsOf(ids);
        assertThat(ids(list("?ordering=title"))).containsExactlyElementsOf(ids);
        List<Long> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertThat(ids(list("?ordering=-created_at"))).containsExactlyElementsOf(reversed);
    }

    @Test
    void unknownOrderingIs400() {
        assertStatus(400, "?ordering=size");
        assertStatus(400, "?ordering=-updated_at");
    }

    @Test
    void pagesCarryCountAndAbsoluteNextAndPreviousUrls() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 25, "doc-");

        JsonNode first = list("?page_size=10&ordering=filename");
        JsonNode second = list("?page_size=10&ordering=filename&page=2");
        JsonNode third = list("?page_size=10&ordering=filename&page=3");

        assertThat(first.get("count").asInt()).isEqualTo(25);
        assertThat(first.get("results")).hasSize(10);
        assertThat(third.get("results")).hasSize(5);
        assertThat(first.get("previous").isNull()).isTrue();
        assertThat(first.get("next").asText()).startsWith(EMULATOR.baseUrl() + "/api/v3/files?")
                .contains("page=2").contains("page_size=10").contains("ordering=filename");
        assertThat(second.get("previous").asText()).doesNotContain("page=").contains("page_size=10");
        assertThat(second.get("next").asText()).contains("page=3");
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(third.get("results").get(4).get("filename").asText()).isEqualTo("doc-000025.pdf");
        JsonNode followed = api.get(first.get("next").asText().substring(EMULATOR.baseUrl().length())).json();
        assertThat(ids(followed)).isEqualTo(ids(second));
    }

    @Test
    void nextUrlIsBuiltFromTheRequestHost() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 3, "doc-");
        HttpGet get = new HttpGet(EMULATOR.baseUrl() + "/api/v3/files?page_size=1");
        get.setHeader("Host", "paradigm.example.com:8443");

        JsonNode page = api.send(get).json();

        assertThat(page.get("next").asText()).startsWith("http://paradigm.example.com:8443/api/v3/files?")
                .contains("page=2");
    }

    @Test
    void pageSizeIsCappedAndUnreadableSizesFallBackToTheDefault() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 150, "doc-");

        assertThat(list("?page_size=500").get("results")).hasSize(Pagination.MAX_PAGE_SIZE);
        assertThat(list("?page_size=abc").get("results")).hasSize(Pagination.DEFAULT_PAGE_SIZE);
        assertThat(list("").get("results")).hasSize(Pagination.DEFAULT_PAGE_SIZE);
    }

    @Test
    void pagePastTheEndIs404() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 3, "doc-");

        assertStatus(404, "?page=2");
        assertStatus(404, "?page=0");
        assertStatus(404, "?page=first");
        assertThat(list("?page=1").get("count").asInt()).isEqualTo(3);
    }

    @Test
    void emptyListIsOnePageWithNoResults() {
        JsonNode page = list("?page=1");
        assertThat(page.get("count").asInt()).isZero();
        assertThat(page.get("results")).isEmpty();
    }

    @Test
    void maxDocumentsCapsTheListing() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 30, "doc-");

        JsonNode page = list("?max_documents=12&page_size=100");

        assertThat(page.get("count").asInt()).isEqualTo(12);
        assertThat(page.get("results")).hasSize(12);
        assertStatus(400, "?max_documents=0");
        assertStatus(400, "?max_documents=501");
    }

    @Test
    void searchOrdersByRelevanceAndSkipsFilesWithoutTheTerms() {
        long once = seed(SeedFile.builder(EMULATOR.workspaceId(), "a.txt").status("embedded").content("invoice"));
        long thrice = seed(SeedFile.builder(EMULATOR.workspaceId(), "b.txt").status("embedded").content("invoice invoice invoice"));
        long inTitle = seed(SeedFile.builder(EMULATOR.workspaceId(), "c.txt").title("Invoice March").status("embedded")
                .content("invoice"));
        seed(SeedFile.builder(EMULATOR.workspaceId(), "d.txt").status("embedded").content("receipt"));

        JsonNode page = list("?search=INVOICE&ordering=filename");

        assertThat(ids(page)).containsExactly(thrice, inTitle, once);
        assertThat(page.get("results").get(0).get("search_details").isNull()).isTrue();
    }

    @Test
    void searchDetailsCarryRelevantChunks() {
        seed(SeedFile.builder(EMULATOR.workspaceId(), "a.txt").status("embedded").content("The budget for 2025 grows."));

        JsonNode item = list("?search=budget&search_details=true").get("results").get(0);

        JsonNode chunk = item.get("search_details").get("relevant_chunks").get(0);
        assertThat(chunk.get("text").asText()).contains("budget");
        assertThat(chunk.get("final_score").isNumber()).isTrue();
        assertStatus(400, "?search=budget&search_details=true&search_details_chunks_limit=11");
    }

    @Test
    void includeDetailsAddsSignatureAndParser() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 1, "doc-");

        JsonNode plain = list("").get("results").get(0);
        JsonNode detailed = list("?include_details=true").get("results").get(0);

        assertThat(plain.get("signature").isNull()).isTrue();
        assertThat(plain.has("parser")).isFalse();
        assertThat(detailed.get("signature").asText()).startsWith("T1");
        assertThat(detailed.get("parser").asText()).isEqualTo("v2.2.1");
    }

    @Test
    void listingNeedsAValidKey() {
        try (ApiTestClient anonymous = new ApiTestClient(EMULATOR.baseUrl(), null);
             ApiTestClient intruder = new ApiTestClient(EMULATOR.baseUrl(), "wrong")) {
            assertThat(anonymous.get("/api/v3/files").status()).isEqualTo(401);
            assertThat(intruder.get("/api/v3/files").status()).isEqualTo(401);
        }
    }

    @Test
    void aDocumentEditedLongAfterItWasProcessedIsListedByUpdatedAtAfter() {
        List<Long> ids = EMULATOR.seedFiles(EMULATOR.workspaceId(), 3, "old-");
        EMULATOR.advance(Duration.ofMinutes(10));
        Instant since = EMULATOR.now();
        assertThat(ids(list("?updated_at_after=" + since))).isEmpty();

        assertThat(api.postJson("/api/v3/files/" + ids.get(0) + "/tags",
                "{\"tags\": [" + EMULATOR.tagIds().get(0) + "]}").status()).isEqualTo(200);
        EMULATOR.setStatusVision(ids.get(2), "fail");

        assertThat(ids(list("?updated_at_after=" + since))).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        EMULATOR.advance(Duration.ofMinutes(1));
        assertThat(ids(list("?updated_at_after=" + EMULATOR.now()))).isEmpty();
    }

    @Test
    void eachIndexedFilterListsWhatAFullScanWould() {
        String sessionA = "aaaaaaaa-1111-1111-1111-111111111111";
        String sessionB = "bbbbbbbb-2222-2222-2222-222222222222";
        List<Long> all = new ArrayList<>();
        List<Long> inA = new ArrayList<>();
        List<Long> readOnly = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long workspace = i % 3 == 0 ? EMULATOR.readOnlyWorkspaceId() : EMULATOR.workspaceId();
            long id = seed(SeedFile.builder(workspace, "doc-" + i + ".pdf")
                    .uploadSessionUuid(i % 2 == 0 ? sessionA : sessionB)
                    .externalMetadata(Map.of("external_id", "src-" + (i % 10))));
            all.add(id);
            if (i % 2 == 0) {
                inA.add(id);
            }
            if (i % 3 == 0) {
                readOnly.add(id);
            }
            EMULATOR.advance(Duration.ofSeconds(1));
        }
        seed(SeedFile.builder(EMULATOR.foreignWorkspaceId(), "secret.pdf").uploadSessionUuid(sessionA)
                .externalMetadata(Map.of("external_id", "src-1")));

        assertThat(ids(list("?external_metadata__external_id=src-1&page_size=100"))).hasSize(3);
        assertThat(ids(list("?upload_session_uuid=" + sessionA + "&page_size=100")))
                .containsExactlyInAnyOrderElementsOf(inA);
        assertThat(ids(list("?workspace_id=" + EMULATOR.readOnlyWorkspaceId() + "&page_size=100")))
                .containsExactlyInAnyOrderElementsOf(readOnly);
        assertThat(ids(list("?upload_session_uuid=" + sessionA + "&workspace_id=" + EMULATOR.readOnlyWorkspaceId()
                + "&page_size=100"))).containsExactlyInAnyOrderElementsOf(
                inA.stream().filter(readOnly::contains).toList());
        // one file a second from T to T+29 s, now T+30 s; the normal plan is embedded 3 s after creation, so the
        // files changed since T+27 s are those created from T+24 s on
        Instant since = EMULATOR.now().minusSeconds(3);
        assertThat(ids(list("?updated_at_after=" + since + "&page_size=100")))
                .containsExactlyInAnyOrderElementsOf(all.subList(24, 30));
    }

    @Test
    void pollingUpdatedAtOverOneHundredThousandFilesFindsTheRecentOnes() {
        EMULATOR.seedFiles(EMULATOR.workspaceId(), 100_000, "bulk-");
        EMULATOR.advance(Duration.ofMinutes(5));
        Instant since = EMULATOR.now();
        List<Long> recent = EMULATOR.seedFiles(EMULATOR.workspaceId(), 3, "recent-");

        JsonNode page = null;
        for (int poll = 1; poll <= 3; poll++) {
            long started = System.nanoTime();
            page = list("?updated_at_after=" + since + "&ordering=created_at&page_size=100");
            org.slf4j.LoggerFactory.getLogger(ListFilesTest.class).info(
                    "updated_at_after poll {} over 100,003 files answered in {} ms", poll,
                    (System.nanoTime() - started) / 1_000_000);
        }

        assertThat(page.get("count").asInt()).isEqualTo(3);
        assertThat(ids(page)).containsExactlyElementsOf(recent);
        assertThat(list("?page_size=1").get("count").asInt()).isEqualTo(100_003);
    }

    /**
     * A page by key, as the fileEvents consumer asks for it, computes the state of the documents it shows, not of
     * every document left in the listing: a listing that falls behind does not make each of its pages dearer to
     * serve beyond counting (the count and the links stay those of the whole rest of the listing).
     */
    @Test
    void aPageByKeyComputesTheStateOfItsOwnDocumentsOnlyWhateverRemainsOfTheListing() {
        Instant start = EMULATOR.now();
        List<Long> ids = EMULATOR.seedFiles(EMULATOR.workspaceId(), 1_000, "doc-");
        EMULATOR.advance(Duration.ofSeconds(5)); // processed (3 s) before until
        List<Long> processing = EMULATOR.seedFiles(EMULATOR.workspaceId(), 5, "late-");
        Instant until = EMULATOR.now();
        EMULATOR.advance(Duration.ofMinutes(10));
        String span = "?ordering=created_at&page_size=10&updated_at_after=" + start + "&updated_at_before=" + until;

        for (int key : new int[] {0, 500, 990}) {
            long before = EMULATOR.emulator().statesComputed();
            JsonNode page = list(span + "&created_at_after=" + start.plusNanos(key * 1_000L));
            long computed = EMULATOR.emulator().statesComputed() - before;

            // the 5 late documents changed after until (they are processed by now): not in the listing
            assertThat(page.get("count").asInt()).isEqualTo(1_000 - key);
            assertThat(ids(page)).containsExactlyElementsOf(ids.subList(key, key + 10));
            assertThat(page.get("next").isNull()).isEqualTo(key == 990);
            assertThat(computed).as("states computed for a page with %d documents left", 1_000 - key)
                    .isLessThanOrEqualTo(10 + processing.size());
        }
        JsonNode secondPage = list(span + "&created_at_after=" + start + "&page=2");
        assertThat(ids(secondPage)).containsExactlyElementsOf(ids.subList(10, 20));
        assertThat(secondPage.get("previous").asText()).doesNotContain("page=");
        assertThat(ids(list("?ordering=-created_at&page_size=3&created_at_after=" + start)))
                .containsExactly(processing.get(4), processing.get(3), processing.get(2));
        assertStatus(404, span + "&created_at_after=" + start + "&page=101");
    }

    private long seed(SeedFile.Builder spec) {
        return EMULATOR.seedFile(spec.build());
    }

    private JsonNode list(String query) {
        ApiTestClient.Reply reply = api.get("/api/v3/files" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private void assertStatus(int status, String query) {
        ApiTestClient.Reply reply = api.get("/api/v3/files" + query);
        assertThat(reply.status()).as(query + " -> " + reply.body()).isEqualTo(status);
        UploadTest.assertErrorBody(reply.json());
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("results").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
