package io.camelparadigm.examples.tickets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.StoredFile;
import io.camelparadigm.examples.testsupport.Eventually;
import io.camelparadigm.examples.testsupport.SyncedWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** The ticket routes against a WireMock stub of ServiceNow's Table and Attachment APIs and the emulator. */
class ServiceNowIncidentRoutesTest extends CamelTestSupport {

    private static final String USER = "paradigm.integration";
    private static final String PASSWORD = "s3cret&pa$$";
    private static final String EMAIL_INCIDENT = "9d385017c611228701d22104cc95c371";
    private static final String VPN_INCIDENT = "e8caedcbc0a80164017df472f39eaed1";
    private static final String LOG_ATTACHMENT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String CSV_ATTACHMENT = "0f9e8d7c6b5a49382716a5b4c3d2e1f0";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder()
            .realClock().stepDuration(Duration.ofMillis(100)).build();

    @RegisterExtension
    static final WireMockExtension SERVICE_NOW = SyncedWorkspace.wireMock();

    @BeforeEach
    void stubServiceNow() {
        PARADIGM.reset();
        SERVICE_NOW.stubFor(get(urlPathEqualTo("/api/now/table/incident")).withBasicAuth(USER, PASSWORD)
                .willReturn(okJson("""
                        {"result": [
                          {"sys_id": "%s", "number": "INC0010001", "short_description": "Email not syncing on mobile",
                           "description": "Since the update, the mail app shows no new messages.",
                           "state": "2", "priority": "3", "category": "software",
                           "opened_at": "2025-01-10 09:12:00", "sys_updated_on": "2025-01-10 11:40:02"},
                          {"sys_id": "%s", "number": "INC0010002", "short_description": "VPN drops every hour",
                           "description": "The VPN client disconnects at minute 59.", "state": "1", "priority": "2",
                           "opened_at": "2025-01-11 08:00:00", "sys_updated_on": "2025-01-11 08:05:00"}
                        ]}""".formatted(EMAIL_INCIDENT, VPN_INCIDENT))));
        SERVICE_NOW.stubFor(get(urlPathEqualTo("/api/now/attachment")).withBasicAuth(USER, PASSWORD)
                .withQueryParam("sysparm_query", containing("table_sys_id=" + EMAIL_INCIDENT))
                .willReturn(okJson("""
                        {"result": [
                          {"sys_id": "%s", "file_name": "sync-error.log.txt", "content_type": "text/plain"},
                          {"sys_id": "%s", "file_name": "network-trace.csv", "content_type": "text/csv"}
                        ]}""".formatted(LOG_ATTACHMENT, CSV_ATTACHMENT))));
        SERVICE_NOW.stubFor(get(urlPathEqualTo("/api/now/attachment")).withBasicAuth(USER, PASSWORD)
                .withQueryParam("sysparm_query", containing("table_sys_id=" + VPN_INCIDENT))
                .willReturn(okJson("{\"result\": []}")));
        SERVICE_NOW.stubFor(get(urlPathEqualTo("/api/now/attachment/" + LOG_ATTACHMENT + "/file"))
                .withBasicAuth(USER, PASSWORD)
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("IMAP timeout after 30 s")));
        SERVICE_NOW.stubFor(get(urlPathEqualTo("/api/now/attachment/" + CSV_ATTACHMENT + "/file"))
                .withBasicAuth(USER, PASSWORD)
                .willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody("time,event\n1,drop\n")));
        SERVICE_NOW.stubFor(patch(urlPathMatching("/api/now/table/incident/.+")).withBasicAuth(USER, PASSWORD)
                .willReturn(okJson("{\"result\": {}}")));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(PARADIGM.baseUrl());
        paradigm.getConfiguration().setApiKey(PARADIGM.apiKey());
        Properties properties = new Properties();
        properties.putAll(Map.of(
                "paradigm.workspace-id", String.valueOf(PARADIGM.workspaceId()),
                "servicenow.url", SERVICE_NOW.baseUrl(),
                "servicenow.username", USER,
                "servicenow.password", PASSWORD,
                "servicenow.poll-period", "300",
                "servicenow.status-poll-delay", "200"));
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new ServiceNowIncidentRoutes();
    }

    @Test
    void eachIncidentAndAttachmentBecomesALinkedDocument() throws Exception {
        Eventually.await("2 incidents and 2 attachments in Paradigm", Duration.ofSeconds(30),
                () -> PARADIGM.storedFiles(PARADIGM.workspaceId()).size() >= 4);

        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).extracting(StoredFile::filename, StoredFile::externalId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("INC0010001.md", "servicenow:incident:" + EMAIL_INCIDENT),
                        org.assertj.core.groups.Tuple.tuple("INC0010002.md", "servicenow:incident:" + VPN_INCIDENT),
                        org.assertj.core.groups.Tuple.tuple("sync-error.log.txt", "servicenow:attachment:" + LOG_ATTACHMENT),
                        org.assertj.core.groups.Tuple.tuple("network-trace.csv", "servicenow:attachment:" + CSV_ATTACHMENT));

        // the parsed text exists only once Paradigm has parsed the document
        Eventually.await("the incident parsed", Duration.ofSeconds(30),
                () -> fetch("servicenow:incident:" + EMAIL_INCIDENT, true).content() != null);
        ParadigmFile incident = fetch("servicenow:incident:" + EMAIL_INCIDENT, true);
        ExternalMetadata metadata = incident.externalMetadata();
        assertThat(metadata.docType()).isEqualTo("incident");
        assertThat(metadata.additionalMetadata())
                .containsEntry("external_url", SERVICE_NOW.baseUrl() + "/incident.do?sys_id=" + EMAIL_INCIDENT)
                .containsEntry("external_full_path", "incident/INC0010001")
                .containsEntry("incident_number", "INC0010001");
        assertThat(incident.title()).isEqualTo("INC0010001: Email not syncing on mobile");
        assertThat(incident.content()).contains("Since the update, the mail app shows no new messages.");

        ParadigmFile attachment = fetch("servicenow:attachment:" + LOG_ATTACHMENT, false);
        assertThat(attachment.externalMetadata().docType()).isEqualTo("incident_attachment");
        assertThat(attachment.externalMetadata().additionalMetadata())
                .containsEntry("incident_sys_id", EMAIL_INCIDENT)
                .containsEntry("external_full_path", "incident/INC0010001/sync-error.log.txt");
        assertThat(SERVICE_NOW.findAll(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))))
                .allSatisfy(request -> assertThat(request.getQueryParams().get("sysparm_query").firstValue())
                        .startsWith("active=true").endsWith("^ORDERBYsys_updated_on"));
    }

    @Test
    void whenParadigmHasFinishedAWorkNoteIsAddedToTheIncidentForEachDocument() throws Exception {
        PARADIGM.scriptFailure("^network-trace\\.csv$", "parsing_failed", "Malformed CSV at line 3");

        Eventually.await("4 work notes", Duration.ofSeconds(30), () -> workNotes().size() >= 4);

        Map<String, List<String>> notesByIncident = workNotes().stream().collect(java.util.stream.Collectors.groupingBy(
                request -> request.getUrl().substring(request.getUrl().lastIndexOf('/') + 1),
                java.util.stream.Collectors.mapping(ServiceNowIncidentRoutesTest::note,
                        java.util.stream.Collectors.toList())));
        assertThat(notesByIncident.get(VPN_INCIDENT)).singleElement().asString()
                .startsWith("Paradigm: This incident is indexed and searchable (status embedded");
        assertThat(notesByIncident.get(EMAIL_INCIDENT)).hasSize(3)
                .anySatisfy(note -> assertThat(note).startsWith("Paradigm: This incident is indexed"))
                .anySatisfy(note -> assertThat(note)
                        .startsWith("Paradigm: Attachment sync-error.log.txt is indexed and searchable"))
                .anySatisfy(note -> assertThat(note).startsWith(
                        "Paradigm could not index attachment network-trace.csv: parsing_failed - Malformed CSV at line 3"));
    }

    @Test
    void incidentsSeenAgainByLaterPollsAreNeitherUploadedNorTheirAttachmentsFetchedTwice() throws Exception {
        Eventually.await("4 documents", Duration.ofSeconds(30),
                () -> PARADIGM.storedFiles(PARADIGM.workspaceId()).size() >= 4);
        int polls = SERVICE_NOW.findAll(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))).size();
        Eventually.await("two more polls", Duration.ofSeconds(30),
                () -> SERVICE_NOW.findAll(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))).size() >= polls + 2);

        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(4);
        assertThat(SERVICE_NOW.findAll(getRequestedFor(urlPathEqualTo("/api/now/attachment")))).hasSize(2);
        assertThat(SERVICE_NOW.findAll(getRequestedFor(urlPathEqualTo("/api/now/table/incident"))).get(polls)
                .getQueryParams().get("sysparm_query").firstValue())
                .isEqualTo("active=true^sys_updated_on>=2025-01-11 08:05:00^ORDERBYsys_updated_on");
    }

    private ParadigmFile fetch(String externalId, boolean withContent) {
        long id = PARADIGM.storedFiles(PARADIGM.workspaceId()).stream()
                .filter(file -> externalId.equals(file.externalId())).findFirst().orElseThrow().id();
        return template.requestBodyAndHeader("paradigm:getFile?includeContent=" + withContent, null,
                ParadigmConstants.FILE_ID, id, ParadigmFile.class);
    }

    private static List<LoggedRequest> workNotes() {
        return SERVICE_NOW.findAll(patchRequestedFor(urlPathMatching("/api/now/table/incident/.+")));
    }

    private static String note(LoggedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            return body.get("work_notes").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
        }
    }
}
