package io.camelparadigm.examples.jira;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.StoredFile;
import io.camelparadigm.examples.testsupport.Eventually;
import io.camelparadigm.examples.testsupport.SyncedWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The Jira routes against a WireMock stub of Jira Cloud's REST API v3 (shaped on Atlassian's documented examples:
 * enhanced JQL search with nextPageToken, attachment content redirected to the media host, comments) and the
 * Paradigm emulator.
 */
class JiraIssueRoutesTest {

    private static final String EMAIL = "integration@acme.com";
    private static final String API_TOKEN = "ATATT3xFfGF0T4x&secret=";
    private static final String SEARCH = "/rest/api/3/search/jql";
    private static final String ISSUE = "/rest/api/3/issue/";
    private static final String MYPERMISSIONS = "/rest/api/3/mypermissions";
    private static final String NOT_FOUND = "{\"errorMessages\": [\"Issue does not exist or you do not have permission "
                                            + "to see it.\"], \"errors\": {}}";
    private static final String LOG = "IMAP timeout after 30 s\nretrying\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder()
            .realClock().stepDuration(Duration.ofMillis(100)).build();

    @RegisterExtension
    static final WireMockExtension JIRA = SyncedWorkspace.wireMock();
    /** Atlassian's media host, where attachment content is redirected. */
    @RegisterExtension
    static final WireMockExtension MEDIA = SyncedWorkspace.wireMock();

    @TempDir
    Path stateDir;
    private CamelContext context;
    private volatile String lastReconcileFailure;

    private final SyncedWorkspace workspace = new SyncedWorkspace(PARADIGM);

    @BeforeEach
    void stubJira() {
        PARADIGM.reset();
        // first round: every issue of the project, two pages
        JIRA.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("jql", notContaining("updated >="))
                .withQueryParam("nextPageToken", absent())
                .willReturn(okJson(page(List.of(mailIssue("Since the update, the mail app shows no new messages.",
                        "2025-03-10T09:12:45.120+0000")), "CAEaAggD"))));
        JIRA.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("jql", notContaining("updated >="))
                .withQueryParam("nextPageToken", equalTo("CAEaAggD"))
                .willReturn(okJson(page(List.of(vpnIssue()), null))));
        // later rounds: the newest issue again (the clause is inclusive)
        stubLaterRounds(List.of(vpnIssue()));
        JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/attachment/content/10001"))
                .willReturn(aResponse().withStatus(303)
                        .withHeader("Location", MEDIA.baseUrl() + "/file/4a1c2b/binary?token=eyJhbGciOi&client=8c5f")));
        MEDIA.stubFor(get(urlPathEqualTo("/file/4a1c2b/binary"))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(LOG)));
        // the reconcile rounds: both issues still there, with their attachments
        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-1")).withQueryParam("fields", equalTo("attachment"))
                .willReturn(okJson(mailIssue("Since the update, the mail app shows no new messages.",
                        "2025-03-10T09:12:45.120+0000"))));
        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-2")).withQueryParam("fields", equalTo("attachment"))
                .willReturn(okJson(vpnIssue())));
        // the account can browse SUP: a 404 of one of its issues is the issue gone
        stubBrowseProjects(okJson(browseProjects(true)));
        JIRA.stubFor(post(urlPathMatching("/rest/api/3/issue/[A-Z]+-\\d+/comment"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"10000\", \"self\": \"https://acme.atlassian.net/rest/api/3/issue/10010/comment/10000\"}")));
    }

    @AfterEach
    void stopSync() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void eachIssueAndAttachmentBecomesADocumentOfItsOwn() throws Exception {
        context = startSync();
        workspace.awaitDocuments(3);
        awaitWatermark("2025-03-11T16:40:12.345+0000");

        assertThat(workspace.storedFiles())
                .extracting(StoredFile::filename, StoredFile::externalId)
                .containsExactlyInAnyOrder(
                        tuple("SUP-1.md", "jira:acme:SUP-1"),
                        tuple("sync-error.log.txt", "jira:acme:SUP-1:10001"),
                        tuple("SUP-2.md", "jira:acme:SUP-2"));
        assertThat(storedFile("jira:acme:SUP-1:10001").sha256()).isEqualTo(SyncedWorkspace.sha256(LOG));
        Eventually.await("the issue parsed", Duration.ofSeconds(30), () -> document("jira:acme:SUP-1", true).content() != null);
        ParadigmFile issue = document("jira:acme:SUP-1", true);
        assertThat(issue.title()).isEqualTo("SUP-1: Email not syncing on mobile");
        assertThat(issue.content()).contains("Since the update, the mail app shows no new messages.")
                .contains("| status | In Progress |").contains("| assignee | Mia Krystof |");
        assertThat(issue.externalMetadata().docType()).isEqualTo("jira_issue");
        assertThat(issue.externalMetadata().additionalMetadata())
                .containsEntry("external_url", JIRA.baseUrl() + "/browse/SUP-1")
                .containsEntry("external_full_path", "SUP/SUP-1")
                .containsEntry("issue_key", "SUP-1");
        assertThat(document("jira:acme:SUP-1:10001", false).externalMetadata().additionalMetadata())
                .containsEntry("external_full_path", "SUP/SUP-1/sync-error.log.txt")
                .containsEntry("attachment_id", "10001")
                .containsEntry("issue_key", "SUP-1");

        List<LoggedRequest> searches = JIRA.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
        assertThat(searches.get(0).queryParameter("jql").firstValue())
                .isEqualTo("(project = SUP) ORDER BY updated ASC, key ASC");
        assertThat(searches.get(1).queryParameter("nextPageToken").firstValue()).isEqualTo("CAEaAggD");
        Eventually.await("a later round", Duration.ofSeconds(30),
                () -> JIRA.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size() >= 3);
        assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).get(2).queryParameter("jql").firstValue())
                .isEqualTo("(project = SUP) AND updated >= \"2025/03/11 16:40\" ORDER BY updated ASC, key ASC");
        // SUP-2, read again by the later rounds, is not sent again
        assertThat(workspace.requests("POST", "/api/v3/files")).hasSize(3);
        assertThat(JIRA.findAll(getRequestedFor(urlPathMatching("/rest/api/3/.*"))))
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo(basic()));
        assertThat(context.getEndpoints()).extracting(org.apache.camel.Endpoint::getEndpointUri)
                .noneMatch(uri -> uri.contains("ATATT3xFfGF0T4x"));
        assertThat(MEDIA.findAll(getRequestedFor(urlPathMatching("/file/.*"))))
                .isNotEmpty().allSatisfy(request -> assertThat(request.containsHeader("Authorization")).isFalse());
    }

    @Test
    void whenParadigmHasFinishedACommentIsAddedToTheIssueForEachDocument() throws Exception {
        PARADIGM.scriptFailure("^sync-error\\.log\\.txt$", "parsing_failed", "Unsupported encoding");
        context = startSync();

        Eventually.await("3 comments", Duration.ofSeconds(30), () -> comments().size() >= 3);

        assertThat(comments()).extracting(request -> issueKey(request) + " " + commentText(request))
                .containsExactlyInAnyOrder(
                        "SUP-1 Paradigm: This issue is indexed and searchable (status embedded, document "
                        + storedFile("jira:acme:SUP-1").id() + ").",
                        "SUP-1 Paradigm could not index attachment sync-error.log.txt: parsing_failed - "
                        + "Unsupported encoding (document " + storedFile("jira:acme:SUP-1:10001").id() + ").",
                        "SUP-2 Paradigm: This issue is indexed and searchable (status embedded, document "
                        + storedFile("jira:acme:SUP-2").id() + ").");
        assertThat(comments()).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo(basic());
            assertThat(JSON.readTree(request.getBodyAsString()).at("/body/type").asText()).isEqualTo("doc");
        });
    }

    @Test
    void anEditedIssueIsReplacedInPlaceAndCommentedOnAgain() throws Exception {
        context = startSync();
        Eventually.await("3 comments", Duration.ofSeconds(30), () -> comments().size() >= 3);
        long issueId = storedFile("jira:acme:SUP-1").id();
        PARADIGM.clearRequests();

        stubLaterRounds(List.of(vpnIssue(), mailIssue("Fixed by reinstalling the mail profile (KB-4411).",
                "2025-03-12T08:00:00.000+0000")));
        Eventually.await("the edited issue replaced", Duration.ofSeconds(30),
                () -> !SyncedWorkspace.sha256(firstVersion()).equals(storedFile("jira:acme:SUP-1").sha256()));
        Eventually.await("a comment on the new processing", Duration.ofSeconds(30), () -> comments().size() >= 4);

        assertThat(storedFile("jira:acme:SUP-1").id()).isEqualTo(issueId);
        Eventually.await("the new text parsed", Duration.ofSeconds(30),
                () -> document("jira:acme:SUP-1", true).content() != null);
        assertThat(document("jira:acme:SUP-1", true).content()).contains("Fixed by reinstalling the mail profile");
        assertThat(workspace.storedFiles()).hasSize(3);
        assertThat(workspace.requests("POST", "/api/v3/files")).isEmpty();
        assertThat(workspace.requests("PATCH", "/api/v3/files/" + issueId)).hasSize(1);
        assertThat(comments()).filteredOn(request -> issueKey(request).equals("SUP-1"))
                .extracting(JiraIssueRoutesTest::commentText)
                .filteredOn(text -> text.startsWith("Paradigm: This issue is indexed")).hasSize(2);
        // the attachment, already in Paradigm, is not downloaded again
        assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/attachment/content/10001")))).hasSize(1);
    }

    @Test
    void aRestartResumesFromTheStoredWatermark() throws Exception {
        context = startSync();
        workspace.awaitDocuments(3);
        awaitWatermark("2025-03-11T16:40:12.345+0000");
        context.stop();
        context = null;
        JIRA.resetRequests();

        context = startSync();
        Eventually.await("a search", Duration.ofSeconds(30),
                () -> !JIRA.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).isEmpty());

        assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).get(0).queryParameter("jql").firstValue())
                .contains("updated >= \"2025/03/11 16:40\"");
    }

    @Test
    void aThrottledSearchIsRepeatedAfterItsRetryAfter() throws Exception {
        JIRA.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("nextPageToken", equalTo("CAEaAggD"))
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\": [\"Rate limit exceeded.\"], \"errors\": {}}")));
        JIRA.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("nextPageToken", equalTo("CAEaAggD"))
                .inScenario("throttled").whenScenarioStateIs("served")
                .willReturn(okJson(page(List.of(vpnIssue()), null))));

        context = startSync();
        workspace.awaitDocuments(3);

        List<LoggedRequest> secondPage = JIRA.findAll(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("nextPageToken", equalTo("CAEaAggD")));
        assertThat(secondPage.size()).isGreaterThanOrEqualTo(2);
        // the route's own delay is 10 ms: the wait is Jira's Retry-After
        assertThat(secondPage.get(1).getLoggedDate().getTime() - secondPage.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1900);
    }

    @Test
    void anIssueJiraNoLongerHasIsDeletedWithItsAttachments() throws Exception {
        startSyncAndAddOtherDocuments();

        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-1"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));
        awaitDeleted("jira:acme:SUP-1", "jira:acme:SUP-1:10001");

        assertThat(workspace.storedFiles()).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrderElementsOf(remainingWith("jira:acme:SUP-2"));
        assertThat(workspace.requests("POST", "/api/v3/files/bulk-delete")).isNotEmpty();
        // deleted once the account was found able to browse SUP
        assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo(MYPERMISSIONS))))
                .isNotEmpty().allSatisfy(request -> {
                    assertThat(request.queryParameter("projectKey").firstValue()).isEqualTo("SUP");
                    assertThat(request.queryParameter("permissions").firstValue()).isEqualTo("BROWSE_PROJECTS");
                    assertThat(request.getHeader("Authorization")).isEqualTo(basic());
                });
    }

    @Test
    void anAttachmentRemovedFromItsIssueIsDeletedAndTheIssueKept() throws Exception {
        startSyncAndAddOtherDocuments();

        // 10001 removed, 10002 added (uploaded by the poll when the issue's change is read, not by the reconcile)
        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-1")).willReturn(okJson(mailIssue(
                "Since the update, the mail app shows no new messages.", "2025-03-12T08:00:00.000+0000")
                .replace("\"id\": 10001", "\"id\": 10002"))));
        awaitDeleted("jira:acme:SUP-1:10001");

        assertThat(workspace.storedFiles()).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrderElementsOf(remainingWith("jira:acme:SUP-1", "jira:acme:SUP-2"));
        // no issue answered 404: the account's permissions were not asked
        assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo(MYPERMISSIONS)))).isEmpty();
    }

    @Test
    void anIssueMovedToAnotherProjectLosesTheDocumentsUnderItsOldKey() throws Exception {
        startSyncAndAddOtherDocuments();

        // GET /issue/SUP-1 of an issue moved to OPS answers the issue under its new key
        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-1")).willReturn(okJson(mailIssue(
                "Since the update, the mail app shows no new messages.", "2025-03-12T08:00:00.000+0000")
                .replace("\"key\": \"SUP-1\"", "\"key\": \"OPS-7\""))));
        awaitDeleted("jira:acme:SUP-1", "jira:acme:SUP-1:10001");

        assertThat(workspace.storedFiles()).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrderElementsOf(remainingWith("jira:acme:SUP-2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500 | {\"errorMessages\": [\"Internal server error\"], \"errors\": {}} | Jira answered 500",
            "403 | {\"errorMessages\": [\"You do not have permission to browse this project.\"]} | Jira answered 403",
            "404 | <html><body>Not Found</body></html> | Jira answered 404 for SUP-1 without Jira's error message"})
    void anIssueJiraGivesNoClearAnswerForKeepsItsDocumentsAndTheRoundFails(int status, String body, String reason)
            throws Exception {
        startSyncAndAddOtherDocuments();
        NotifyBuilder failedRound = awaitFailedRound("SUP-1: ");

        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-1")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", body.startsWith("{") ? "application/json" : "text/html").withBody(body)));
        // SUP-2, gone, is checked after SUP-1 in the same round: its deletion shows SUP-1 was answered
        JIRA.stubFor(get(urlPathEqualTo(ISSUE + "SUP-2"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));
        awaitDeleted("jira:acme:SUP-2");

        assertThat(workspace.storedFiles()).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrderElementsOf(remainingWith("jira:acme:SUP-1", "jira:acme:SUP-1:10001"));
        assertThat(failedRound.matches(30, TimeUnit.SECONDS)).as("a reconcile round failed on SUP-1").isTrue();
        assertThat(lastReconcileFailure).contains("SUP-1: ").contains(reason)
                .doesNotContain(API_TOKEN).doesNotContain(PARADIGM.apiKey());
        if (body.startsWith("{")) {
            assertThat(lastReconcileFailure).contains(JSON.readTree(body).at("/errorMessages/0").asText());
        }
    }

    static Stream<Arguments> projectsTheAccountCannotBrowse() {
        String removedOrHidden = "the account cannot browse project SUP (or the project no longer exists";
        String whatToDo = "give the account Browse projects, or delete them yourself if the project was removed";
        return Stream.of(
                Arguments.of(okJson(browseProjects(false)), removedOrHidden + ")", whatToDo),
                Arguments.of(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                                .withBody("{\"errorMessages\": [\"No project could be found with key 'SUP'.\"], "
                                          + "\"errors\": {}}"),
                        removedOrHidden + "; Jira: No project could be found with key 'SUP'.)", whatToDo),
                Arguments.of(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                                .withBody("{\"errorMessages\": [\"Internal server error\"], \"errors\": {}}"),
                        "could not ask Jira whether the account can browse project SUP (Jira answered 500",
                        "if that lasts, see why Jira refuses to answer"));
    }

    /**
     * Jira's 404 is the same for a deleted issue and for one the account can no longer see: unless the account can
     * still browse the project, none of its documents is deleted.
     */
    @ParameterizedTest
    @MethodSource("projectsTheAccountCannotBrowse")
    void theIssuesOfAProjectTheAccountCannotBrowseAreKeptAndTheRoundFails(ResponseDefinitionBuilder browseProjects,
            String why, String whatToDo) throws Exception {
        startSyncAndAddOtherDocuments();
        // the first round in which SUP-1 is answered 404 has SUP-2 answered 404 too (stubbed first)
        NotifyBuilder failedRound = awaitFailedRound("SUP-1, SUP-2");

        stubBrowseProjects(browseProjects);
        for (String key : List.of("SUP-2", "SUP-1")) {
            JIRA.stubFor(get(urlPathEqualTo(ISSUE + key)).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "application/json").withBody(NOT_FOUND)));
        }

        assertThat(failedRound.matches(30, TimeUnit.SECONDS)).as("a reconcile round failed on project SUP").isTrue();
        assertThat(workspace.storedFiles()).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrderElementsOf(remainingWith("jira:acme:SUP-1", "jira:acme:SUP-1:10001",
                        "jira:acme:SUP-2"));
        assertThat(workspace.requests("POST", "/api/v3/files/bulk-delete")).isEmpty();
        assertThat(lastReconcileFailure).contains("0 of 2 issue(s) checked").contains(why)
                .contains("the documents of its issue(s) SUP-1, SUP-2 are kept; " + whatToDo)
                .doesNotContain(API_TOKEN).doesNotContain(PARADIGM.apiKey());
        // asked once a round, not once an issue: every round that got SUP-2's 404 asked once (rounds finished)
        context.stop();
        long roundsWithAGoneIssue = JIRA.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(ISSUE + "SUP-2?")
                                 && event.getResponse().getStatus() == 404)
                .count();
        assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo(MYPERMISSIONS))))
                .isNotEmpty().hasSize((int) roundsWithAGoneIssue);
    }

    /** Notified by a reconcile round that fails with a message containing {@code text}. */
    private NotifyBuilder awaitFailedRound(String text) {
        return new NotifyBuilder(context).fromRoute("jira-reconcile")
                .whenAnyDoneMatches(exchange -> {
                    // the round's own failure, not an issue's (the split's exchanges are the route's too)
                    String failure = exchange.getException() == null ? null : exchange.getException().getMessage();
                    if (failure == null || !failure.contains("could not be checked") || !failure.contains(text)) {
                        return false;
                    }
                    lastReconcileFailure = failure;
                    return true;
                })
                .create();
    }

    private static void stubBrowseProjects(ResponseDefinitionBuilder answer) {
        JIRA.stubFor(get(urlPathEqualTo(MYPERMISSIONS)).withQueryParam("projectKey", equalTo("SUP"))
                .withQueryParam("permissions", equalTo("BROWSE_PROJECTS")).willReturn(answer));
    }

    private static String browseProjects(boolean havePermission) {
        return """
                {"permissions": {"BROWSE_PROJECTS": {"id": "10", "key": "BROWSE_PROJECTS", "name": "Browse Projects",
                  "type": "PROJECT", "description": "Ability to browse projects and the issues within them.",
                  "havePermission": %s}}}""".formatted(havePermission);
    }

    private CamelContext startSync() throws Exception {
        return workspace.start(new JiraIssueRoutes(), Map.of(
                "jira.url", JIRA.baseUrl(),
                "jira.site", "acme",
                "jira.email", EMAIL,
                "jira.api-token", API_TOKEN,
                "jira.jql", "project = SUP",
                "jira.state-file", stateFile().toString(),
                "jira.poll-period", "300",
                "jira.retry-delay", "10",
                "jira.status-poll-delay", "200",
                "jira.reconcile-period", "300"));
    }

    /**
     * The sync started and its first round done, then documents the reconcile must never touch: another site's,
     * ones without an external id of this example's shapes (all with its doc_type, so they are listed).
     */
    private void startSyncAndAddOtherDocuments() throws Exception {
        context = startSync();
        workspace.awaitDocuments(3);
        awaitWatermark("2025-03-11T16:40:12.345+0000");
        for (String[] other : OTHER_DOCUMENTS) {
            SeedFile.Builder document = SeedFile.builder(PARADIGM.workspaceId(), "SUP-1.md").status("embedded");
            if (other[0] != null) {
                document.externalMetadata(Map.of("external_id", other[0], "doc_type", other[1]));
            }
            PARADIGM.seedFile(document.build());
        }
    }

    private static final String[][] OTHER_DOCUMENTS = {
            {"jira:other:SUP-1", "jira_issue"}, {"jira:other:SUP-1:10001", "jira_attachment"},
            {"jira:acme:SUP-1:notes", "jira_attachment"}, {"share:reports/SUP-1.md", "jira_issue"},
            {"SUP-1", "jira_issue"}, {null, null}};

    private static List<String> remainingWith(String... jiraDocuments) {
        List<String> remaining = new ArrayList<>(List.of(jiraDocuments));
        for (String[] other : OTHER_DOCUMENTS) {
            remaining.add(other[0]);
        }
        return remaining;
    }

    private void awaitDeleted(String... externalIds) throws InterruptedException {
        Eventually.await(String.join(", ", externalIds) + " deleted", Duration.ofSeconds(30),
                () -> workspace.storedFiles().stream().map(StoredFile::externalId)
                        .noneMatch(Arrays.asList(externalIds)::contains));
    }

    private Path stateFile() {
        return stateDir.resolve("jira-watermark.state");
    }

    private void awaitWatermark(String updated) throws InterruptedException {
        SyncedWorkspace.awaitState(stateFile(), "=" + updated);
    }

    private ParadigmFile document(String externalId, boolean withContent) {
        return workspace.document(context, externalId, withContent);
    }

    private StoredFile storedFile(String externalId) {
        return workspace.storedFile(externalId);
    }

    private static List<LoggedRequest> comments() {
        return JIRA.findAll(postRequestedFor(urlPathMatching("/rest/api/3/issue/[A-Z]+-\\d+/comment")));
    }

    private static String issueKey(LoggedRequest comment) {
        return comment.getUrl().replaceAll("^/rest/api/3/issue/([A-Z]+-\\d+)/comment$", "$1");
    }

    private static String commentText(LoggedRequest comment) {
        try {
            return JSON.readTree(comment.getBodyAsString()).at("/body/content/0/content/0/text").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + comment.getBodyAsString(), e);
        }
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    private static void stubLaterRounds(List<String> issues) {
        JIRA.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("jql", containing("updated >="))
                .willReturn(okJson(page(issues, null))));
    }

    private static String page(List<String> issues, String nextPageToken) {
        return "{\"issues\": [" + String.join(",", issues) + "], "
               + (nextPageToken == null ? "\"isLast\": true}" : "\"nextPageToken\": \"" + nextPageToken
                                                               + "\", \"isLast\": false}");
    }

    private static String firstVersion() {
        return JiraDocuments.markdown(read(mailIssue("Since the update, the mail app shows no new messages.",
                "2025-03-10T09:12:45.120+0000")));
    }

    private static JiraIssue read(String json) {
        try {
            return JSON.readValue(json, JiraIssue.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String mailIssue(String description, String updated) {
        return """
                {"expand": "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
                 "id": "10010", "key": "SUP-1", "self": "https://acme.atlassian.net/rest/api/3/issue/10010",
                 "fields": {
                   "summary": "Email not syncing on mobile",
                   "description": {"type": "doc", "version": 1, "content": [
                     {"type": "paragraph", "content": [{"type": "text", "text": "%s"}]}]},
                   "created": "2025-03-09T08:00:00.000+0000", "updated": "%s",
                   "status": {"name": "In Progress", "id": "3"}, "priority": {"name": "High", "id": "2"},
                   "issuetype": {"name": "Bug", "id": "10004"},
                   "assignee": {"accountId": "5b10a2844c20165700ede21g", "displayName": "Mia Krystof"},
                   "reporter": {"accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": "Emma Richards"},
                   "labels": ["mobile", "mail"],
                   "attachment": [{"id": 10001, "filename": "sync-error.log.txt", "mimeType": "text/plain", "size": 33,
                     "created": "2025-03-09T08:05:00.000+0000",
                     "content": "%s/rest/api/3/attachment/content/10001",
                     "author": {"accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": "Emma Richards"}}]}}"""
                .formatted(description, updated, JIRA.baseUrl());
    }

    private static String vpnIssue() {
        return """
                {"id": "10011", "key": "SUP-2", "self": "https://acme.atlassian.net/rest/api/3/issue/10011",
                 "fields": {
                   "summary": "VPN drops every hour",
                   "description": {"type": "doc", "version": 1, "content": [
                     {"type": "paragraph", "content": [{"type": "text", "text": "The VPN client disconnects at minute 59."}]}]},
                   "created": "2025-03-11T16:00:00.000+0000", "updated": "2025-03-11T16:40:12.345+0000",
                   "status": {"name": "To Do"}, "issuetype": {"name": "Incident"}, "attachment": []}}""";
    }
}
