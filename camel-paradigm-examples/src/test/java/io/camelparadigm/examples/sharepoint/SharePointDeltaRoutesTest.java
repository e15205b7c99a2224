package io.camelparadigm.examples.sharepoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.StoredFile;
import io.camelparadigm.examples.testsupport.Eventually;
import io.camelparadigm.examples.testsupport.SyncedWorkspace;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The SharePoint routes against WireMock stubs of Microsoft Graph and the identity platform (shaped on Microsoft's
 * documented example responses: token, driveItem delta pages, throttling) and the Paradigm emulator.
 */
class SharePointDeltaRoutesTest {

    private static final String TENANT = "contoso.onmicrosoft.com";
    private static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    private static final String CLIENT_SECRET = "JqQX2PNo9bpM0uEihUPzyrh&=secret";
    private static final String DRIVE = "b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7";
    private static final String ROOT_ID = "01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ";
    private static final String FOLDER_ID = "01BYE5RZ3F4YLCOWT6UNCKKRZRG5EAO5QH";
    private static final String CONTRACT_ID = "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K";
    private static final String BUDGET_ID = "01BYE5RZ2JHRAWYJAJ4ZC3DBF4MAKHSOOY";
    private static final String HANDBOOK_ID = "01BYE5RZ4CPC5XBOTZCFD2CT7SWGWSI7CI";
    private static final String CONTRACT_V1 = "# Master services agreement\n\nTerm: 12 months.\n";
    private static final String CONTRACT_V2 = "# Master services agreement\n\nTerm: 24 months, renewable.\n";
    private static final String BUDGET = "line,amount\ntravel,1200\n";
    private static final String HANDBOOK = "Welcome to Contoso. Badges are at the front desk.\n";

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder()
            .realClock().stepDuration(Duration.ofMillis(100)).build();

    @RegisterExtension
    static final WireMockExtension GRAPH = SyncedWorkspace.wireMock();
    /** The host of the pre-authenticated download URLs (SharePoint's own, not Graph's). */
    @RegisterExtension
    static final WireMockExtension DOWNLOADS = SyncedWorkspace.wireMock();

    @TempDir
    Path stateDir;
    private CamelContext context;

    private final SyncedWorkspace workspace = new SyncedWorkspace(PARADIGM);

    @BeforeEach
    void stubTheLibrary() {
        PARADIGM.reset();
        stubToken("eyJ0eXAiOiJKV1QiLCJub25jZSI6IkFRQUJBQUFBQUFCbmZpRy1tQTZOVGFlN0NkV1c3UWZkSzdNN0RyNXlvUUdLNmFEc1", 3599);
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta")).withQueryParam("token", absent())
                .willReturn(okJson(page(List.of(root(), folder(), contract("aGVsbG8gd29ybGQ=", "2025-03-10T09:12:00Z"),
                        handbook()), "@odata.nextLink", "token=MzslMjM0OyUyMzE7MzsyM2YwNDVh"))));
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta"))
                .withQueryParam("token", equalTo("MzslMjM0OyUyMzE7MzsyM2YwNDVh"))
                .willReturn(okJson(page(List.of(budget("q3-budget.csv")), "@odata.deltaLink", "token=round1"))));
        stubRound("round1", List.of(), "round1");
        // delta leaves parentReference.path out: the route asks the item for it
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/items/" + BUDGET_ID))
                .willReturn(okJson("""
                        {"id": "%s", "parentReference": {"driveType": "documentLibrary", "driveId": "%s",
                         "id": "%s", "name": "Finance", "path": "/drives/%s/root:/Finance%%202025"}}"""
                        .formatted(BUDGET_ID, DRIVE, FOLDER_ID, DRIVE))));
        // /content answers 302 to a pre-authenticated URL on another host
        stubContent(CONTRACT_ID, "/download/contract-v1");
        stubContent(BUDGET_ID, "/download/budget");
        stubContent(HANDBOOK_ID, "/download/handbook");
        DOWNLOADS.stubFor(get(urlPathEqualTo("/download/contract-v1")).willReturn(text(CONTRACT_V1)));
        DOWNLOADS.stubFor(get(urlPathEqualTo("/download/contract-v2")).willReturn(text(CONTRACT_V2)));
        DOWNLOADS.stubFor(get(urlPathEqualTo("/download/budget")).willReturn(text(BUDGET)));
        DOWNLOADS.stubFor(get(urlPathEqualTo("/download/handbook")).willReturn(text(HANDBOOK)));
    }

    @AfterEach
    void stopSync() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void firstFullSyncUploadsEveryFileOfTheLibraryWithItsSourceMetadata() throws Exception {
        context = startSync();
        workspace.awaitDocuments(3);
        awaitStoredLink("token=round1");

        assertThat(workspace.storedFiles())
                .extracting(StoredFile::filename, StoredFile::externalId, StoredFile::sha256)
                .containsExactlyInAnyOrder(
                        tuple("acme-msa.md", externalId(CONTRACT_ID), SyncedWorkspace.sha256(CONTRACT_V1)),
                        tuple("q3-budget.csv", externalId(BUDGET_ID), SyncedWorkspace.sha256(BUDGET)),
                        tuple("handbook.txt", externalId(HANDBOOK_ID), SyncedWorkspace.sha256(HANDBOOK)));
        Map<String, Object> contract = document(CONTRACT_ID).externalMetadata().additionalMetadata();
        assertThat(contract)
                .containsEntry("external_url", "https://contoso.sharepoint.com/sites/legal/Shared%20Documents/Contracts/acme-msa.md")
                .containsEntry("external_full_path", "Contracts/acme-msa.md")
                .containsEntry("last_modified_by", "Megan Bowen <MeganB@contoso.onmicrosoft.com>")
                .containsEntry("last_modified_at", "2025-03-10T09:12:00Z")
                .containsEntry("content_hash", "quickXorHash:aGVsbG8gd29ybGQ=");
        assertThat(document(CONTRACT_ID).externalMetadata().docType()).isEqualTo("sharepoint_file");
        assertThat(document(BUDGET_ID).externalMetadata().additionalMetadata())
                .containsEntry("external_full_path", "Finance 2025/q3-budget.csv");

        // one token for every call; the token goes to Graph only, never to the download host
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")))).hasSize(1);
        assertThat(GRAPH.findAll(getRequestedFor(urlPathMatching("/v1.0/.*"))))
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).startsWith("Bearer eyJ0eXAi"));
        assertThat(DOWNLOADS.findAll(getRequestedFor(urlPathMatching("/download/.*"))))
                .hasSize(3).allSatisfy(request -> assertThat(request.containsHeader("Authorization")).isFalse());
        assertThat(deltaRequests(null)).hasSize(1);
        assertThat(deltaRequests("MzslMjM0OyUyMzE7MzsyM2YwNDVh")).hasSize(1);
        assertThat(context.getEndpoints()).extracting(org.apache.camel.Endpoint::getEndpointUri)
                .noneMatch(uri -> uri.contains("JqQX2PNo9bpM0uEihUPzyrh"));
        LoggedRequest token = GRAPH.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))).get(0);
        assertThat(token.getBodyAsString()).contains("grant_type=client_credentials")
                .contains("client_id=" + CLIENT_ID).contains("client_secret=JqQX2PNo9bpM0uEihUPzyrh%26%3Dsecret")
                .contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
    }

    @Test
    void anIncrementalDeltaReplacesTheChangedFileDeletesTheDeletedOneAndRetitlesTheRenamedOne() throws Exception {
        context = startSync();
        workspace.awaitDocuments(3);
        awaitStoredLink("token=round1");
        long contractId = storedFile(CONTRACT_ID).id();
        long budgetId = storedFile(BUDGET_ID).id();
        PARADIGM.clearRequests();

        stubContent(CONTRACT_ID, "/download/contract-v2");
        stubRound("round1", List.of(
                contract("c2Vjb25kIHZlcnNpb24=", "2025-03-11T16:40:00Z"),
                "{\"id\": \"" + HANDBOOK_ID + "\", \"deleted\": {\"state\": \"deleted\"}, \"parentReference\": "
                + "{\"driveId\": \"" + DRIVE + "\"}}",
                budget("q3-budget-final.csv")), "round2");
        stubRound("round2", List.of(), "round2");
        awaitStoredLink("token=round2");
        Eventually.await("the handbook deleted", Duration.ofSeconds(30),
                () -> workspace.storedFiles().size() == 2);

        assertThat(storedFile(CONTRACT_ID).id()).isEqualTo(contractId);
        assertThat(storedFile(CONTRACT_ID).sha256()).isEqualTo(SyncedWorkspace.sha256(CONTRACT_V2));
        assertThat(document(CONTRACT_ID).externalMetadata().additionalMetadata())
                .containsEntry("last_modified_at", "2025-03-11T16:40:00Z")
                .containsEntry("content_hash", "quickXorHash:c2Vjb25kIHZlcnNpb24=");
        // renamed, same content: the title and path follow, the content is not sent again
        assertThat(storedFile(BUDGET_ID).id()).isEqualTo(budgetId);
        assertThat(storedFile(BUDGET_ID).sha256()).isEqualTo(SyncedWorkspace.sha256(BUDGET));
        ParadigmFile budget = document(BUDGET_ID);
        assertThat(budget.title()).isEqualTo("q3-budget-final.csv");
        assertThat(budget.externalMetadata().additionalMetadata())
                .containsEntry("external_full_path", "Finance 2025/q3-budget-final.csv")
                .containsEntry("content_hash", "quickXorHash:YnVkZ2V0");
        assertThat(workspace.storedFiles()).extracting(StoredFile::externalId)
                .doesNotContain(externalId(HANDBOOK_ID));
        assertThat(workspace.requests("POST", "/api/v3/files")).isEmpty();
        assertThat(workspace.requests("PATCH", "/api/v3/files/" + contractId)).hasSize(1);
        assertThat(workspace.requests("PATCH", "/api/v3/files/" + budgetId)).hasSize(1);
        assertThat(workspace.requests("DELETE", "/api/v3/files/")).hasSize(1);
        // the renamed file's content, which Paradigm has (same quickXorHash), is not downloaded again
        assertThat(contentRequests(BUDGET_ID)).hasSize(1);
        assertThat(contentRequests(CONTRACT_ID)).hasSize(2);
    }

    @Test
    void aRestartResumesFromTheStoredDeltaLink() throws Exception {
        context = startSync();
        workspace.awaitDocuments(3);
        awaitStoredLink("token=round1");
        context.stop();
        context = null;
        int fullEnumerations = deltaRequests(null).size();
        int downloadsBefore = DOWNLOADS.findAll(getRequestedFor(urlPathMatching("/download/.*"))).size();

        stubContent(CONTRACT_ID, "/download/contract-v2");
        stubRound("round1", List.of(contract("c2Vjb25kIHZlcnNpb24=", "2025-03-11T16:40:00Z")), "round2");
        stubRound("round2", List.of(), "round2");
        context = startSync();
        awaitStoredLink("token=round2");
        Eventually.await("the contract replaced", Duration.ofSeconds(30),
                () -> SyncedWorkspace.sha256(CONTRACT_V2).equals(storedFile(CONTRACT_ID).sha256()));

        assertThat(deltaRequests(null)).hasSize(fullEnumerations);
        assertThat(DOWNLOADS.findAll(getRequestedFor(urlPathMatching("/download/.*"))))
                .hasSize(downloadsBefore + 1);
        assertThat(workspace.storedFiles()).hasSize(3);
        // a new process, a new token
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")))).hasSize(2);
    }

    @Test
    void aDeltaLinkTooOldToResumeStartsTheEnumerationGraphGivesInItsPlace() throws Exception {
        context = startSync();
        awaitStoredLink("token=round1");
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta")).withQueryParam("token", equalTo("round1"))
                .willReturn(aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                        .withHeader("Location", GRAPH.baseUrl() + "/v1.0/drives/" + DRIVE + "/root/delta?token=resync")
                        .withBody("{\"error\": {\"code\": \"resyncRequired\", \"message\": \"Resync required. "
                                  + "Replace any local items with the server's version (including deletes) if you're "
                                  + "sure that the service was up to date with your local changes when you last sync'd.\", "
                                  + "\"innerError\": {\"code\": \"resyncChangesApplyDifferences\"}}}")));
        stubContent(CONTRACT_ID, "/download/contract-v2");
        stubRound("resync", List.of(root(), folder(), contract("c2Vjb25kIHZlcnNpb24=", "2025-03-11T16:40:00Z"),
                handbook(), budget("q3-budget.csv")), "round2");
        stubRound("round2", List.of(), "round2");

        awaitStoredLink("token=round2");
        Eventually.await("the contract replaced", Duration.ofSeconds(30),
                () -> SyncedWorkspace.sha256(CONTRACT_V2).equals(storedFile(CONTRACT_ID).sha256()));

        assertThat(deltaRequests("resync")).hasSize(1);
        assertThat(deltaRequests(null)).hasSize(1);
        assertThat(workspace.storedFiles()).hasSize(3);
        // the new enumeration lists every file again: only the changed one is downloaded
        assertThat(contentRequests(CONTRACT_ID)).hasSize(2);
        assertThat(contentRequests(BUDGET_ID)).hasSize(1);
        assertThat(contentRequests(HANDBOOK_ID)).hasSize(1);
    }

    @Test
    void throttledCallsAreRepeatedAfterTheirRetryAfter() throws Exception {
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta"))
                .withQueryParam("token", equalTo("MzslMjM0OyUyMzE7MzsyM2YwNDVh"))
                .inScenario("throttled").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withHeader("Content-Type", "application/json").withBody("""
                                {"error": {"code": "TooManyRequests", "message": "Please retry again later.",
                                 "innerError": {"code": "429", "date": "2025-03-10T09:12:00",
                                 "request-id": "94fb3b52-452a-4535-a601-69e0a90e3aa2", "status": "429"}}}""")));
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/items/" + BUDGET_ID + "/content"))
                .inScenario("unavailable").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("served")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")));
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta"))
                .withQueryParam("token", equalTo("MzslMjM0OyUyMzE7MzsyM2YwNDVh"))
                .inScenario("throttled").whenScenarioStateIs("served")
                .willReturn(okJson(page(List.of(budget("q3-budget.csv")), "@odata.deltaLink", "token=round1"))));
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/items/" + BUDGET_ID + "/content"))
                .inScenario("unavailable").whenScenarioStateIs("served")
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", DOWNLOADS.baseUrl() + "/download/budget?tempauth=v1.eyJzaXRlaWQi")));

        context = startSync();
        workspace.awaitDocuments(3);
        awaitStoredLink("token=round1");

        List<LoggedRequest> secondPage = deltaRequests("MzslMjM0OyUyMzE7MzsyM2YwNDVh");
        assertThat(secondPage).hasSize(2);
        // the route's own delay is 10 ms: the wait is Graph's Retry-After
        assertThat(secondPage.get(1).getLoggedDate().getTime() - secondPage.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1900);
        List<LoggedRequest> content = GRAPH.findAll(getRequestedFor(
                urlPathEqualTo("/v1.0/drives/" + DRIVE + "/items/" + BUDGET_ID + "/content")));
        assertThat(content).hasSize(2);
        assertThat(content.get(1).getLoggedDate().getTime() - content.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(900);
        assertThat(deltaRequests(null)).hasSize(1);
        assertThat(workspace.storedFiles()).hasSize(3);
    }

    @Test
    void aRefusedTokenIsReplacedAndTheCallRepeated() throws Exception {
        GRAPH.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .inScenario("tokens").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(okJson(token("revoked-token", 3599))));
        GRAPH.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(token("fresh-token", 3599))));
        GRAPH.stubFor(get(urlPathMatching("/v1.0/.*")).withHeader("Authorization", equalTo("Bearer revoked-token"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"code\": \"InvalidAuthenticationToken\", "
                                  + "\"message\": \"Access token has expired or is not yet valid.\"}}")));

        context = startSync();
        workspace.awaitDocuments(3);

        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")))).hasSize(2);
        List<LoggedRequest> first = deltaRequests(null);
        assertThat(first).extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer revoked-token", "Bearer fresh-token");
    }

    @Test
    void aTokenIsRenewedOnceItIsWithinTheRefreshMarginOfItsExpiry() throws Exception {
        // expires in 200 s, renewed 300 s before expiry: every call needs a new one
        stubToken("short-lived-token", 200);

        context = startSync();
        workspace.awaitDocuments(3);
        context.stop();
        context = null;

        int graphCalls = GRAPH.findAll(getRequestedFor(urlPathMatching("/v1.0/.*"))).size();
        assertThat(GRAPH.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))))
                .hasSize(graphCalls);
    }

    private CamelContext startSync() throws Exception {
        return workspace.start(new SharePointDeltaRoutes(), Map.of(
                "sharepoint.tenant-id", TENANT,
                "sharepoint.client-id", CLIENT_ID,
                "sharepoint.client-secret", CLIENT_SECRET,
                "sharepoint.drive-id", DRIVE,
                "sharepoint.graph-url", GRAPH.baseUrl(),
                "sharepoint.token-url", GRAPH.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token",
                "sharepoint.state-file", stateFile().toString(),
                "sharepoint.poll-period", "200",
                "sharepoint.retry-delay", "10"));
    }

    private Path stateFile() {
        return stateDir.resolve("sharepoint-delta.state");
    }

    private void awaitStoredLink(String token) throws InterruptedException {
        SyncedWorkspace.awaitState(stateFile(), token);
    }

    private ParadigmFile document(String itemId) {
        return workspace.document(context, externalId(itemId), false);
    }

    private StoredFile storedFile(String itemId) {
        return workspace.storedFile(externalId(itemId));
    }

    private static List<LoggedRequest> deltaRequests(String token) {
        return GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta"))
                .withQueryParam("token", token == null ? absent() : equalTo(token)));
    }

    private static List<LoggedRequest> contentRequests(String itemId) {
        return GRAPH.findAll(getRequestedFor(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/items/" + itemId + "/content")));
    }

    private static String externalId(String itemId) {
        return "sharepoint:" + DRIVE + ":" + itemId;
    }

    private static void stubToken(String accessToken, int expiresIn) {
        GRAPH.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(token(accessToken, expiresIn))));
    }

    private static String token(String accessToken, int expiresIn) {
        return """
                {"token_type": "Bearer", "expires_in": %d, "ext_expires_in": %d, "access_token": "%s"}"""
                .formatted(expiresIn, expiresIn, accessToken);
    }

    private static void stubContent(String itemId, String downloadPath) {
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/items/" + itemId + "/content"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", DOWNLOADS.baseUrl() + downloadPath + "?tempauth=v1.eyJzaXRlaWQi")));
    }

    private static void stubRound(String token, List<String> items, String nextToken) {
        GRAPH.stubFor(get(urlPathEqualTo("/v1.0/drives/" + DRIVE + "/root/delta")).withQueryParam("token", equalTo(token))
                .willReturn(okJson(page(items, "@odata.deltaLink", "token=" + nextToken))));
    }

    private static String page(List<String> items, String linkName, String query) {
        return "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)\", "
               + "\"value\": [" + String.join(",", items) + "], \""
               + linkName + "\": \"" + GRAPH.baseUrl() + "/v1.0/drives/" + DRIVE + "/root/delta?" + query + "\"}";
    }

    private static String root() {
        return """
                {"id": "%s", "name": "root", "root": {}, "folder": {"childCount": 2},
                 "parentReference": {"driveId": "%s", "driveType": "documentLibrary"}}""".formatted(ROOT_ID, DRIVE);
    }

    private static String folder() {
        return """
                {"id": "%s", "name": "Contracts", "folder": {"childCount": 1},
                 "parentReference": {"driveId": "%s", "id": "%s", "path": "/drives/%s/root:"}}"""
                .formatted(FOLDER_ID, DRIVE, ROOT_ID, DRIVE);
    }

    private static String contract(String quickXorHash, String modifiedAt) {
        return """
                {"id": "%s", "name": "acme-msa.md", "size": 48,
                 "webUrl": "https://contoso.sharepoint.com/sites/legal/Shared%%20Documents/Contracts/acme-msa.md",
                 "eTag": "\\"{6C8B9A10-B9C1-4C51-A4F1-EB9B35CA2E0A},2\\"",
                 "createdDateTime": "2025-03-01T08:00:00Z", "lastModifiedDateTime": "%s",
                 "lastModifiedBy": {"user": {"email": "MeganB@contoso.onmicrosoft.com",
                   "id": "48d31887-5fad-4d73-a9f5-3c356e68a038", "displayName": "Megan Bowen"}},
                 "parentReference": {"driveType": "documentLibrary", "driveId": "%s", "id": "%s",
                   "path": "/drives/%s/root:/Contracts"},
                 "file": {"mimeType": "text/markdown", "hashes": {"quickXorHash": "%s"}}}"""
                .formatted(CONTRACT_ID, modifiedAt, DRIVE, FOLDER_ID, DRIVE,
                        quickXorHash);
    }

    private static String budget(String name) {
        return """
                {"id": "%s", "name": "%s", "size": 27,
                 "webUrl": "https://contoso.sharepoint.com/sites/legal/Shared%%20Documents/Finance%%202025/%s",
                 "lastModifiedDateTime": "2025-02-02T10:00:00Z",
                 "lastModifiedBy": {"application": {"id": "1fec8e78-bce4-4aaf-ab1b-5451cc387264",
                   "displayName": "Budget importer"}},
                 "parentReference": {"driveType": "documentLibrary", "driveId": "%s"},
                 "file": {"mimeType": "text/csv", "hashes": {"quickXorHash": "YnVkZ2V0"}}}"""
                .formatted(BUDGET_ID, name, name, DRIVE);
    }

    private static String handbook() {
        return """
                {"id": "%s", "name": "handbook.txt", "size": 50,
                 "webUrl": "https://contoso.sharepoint.com/sites/legal/Shared%%20Documents/handbook.txt",
                 "lastModifiedDateTime": "2025-01-15T14:30:00Z",
                 "lastModifiedBy": {"user": {"id": "48d31887-5fad-4d73-a9f5-3c356e68a038", "displayName": "Megan Bowen"}},
                 "parentReference": {"driveType": "documentLibrary", "driveId": "%s", "id": "%s",
                   "path": "/drives/%s/root:"},
                 "file": {"mimeType": "text/plain", "hashes": {"quickXorHash": "aGFuZGJvb2s="}}}"""
                .formatted(HANDBOOK_ID, DRIVE, ROOT_ID, DRIVE);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder text(String body) {
        return aResponse().withHeader("Content-Type", "application/octet-stream").withBody(body);
    }
}
