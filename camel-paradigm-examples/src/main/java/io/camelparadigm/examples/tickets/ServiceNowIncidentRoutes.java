package io.camelparadigm.examples.tickets;

import java.util.Map;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;

/**
 * ServiceNow-style tickets into Paradigm and back, in Java DSL:
 * <ol>
 * <li>{@code servicenow-poll}: every {@code servicenow.poll-period} ms, reads the incidents changed since the last
 * poll from the Table API ({@code GET /api/now/table/incident}) with {@code camel-http};</li>
 * <li>{@code servicenow-incident}: uploads each incident as a Markdown document (doc_type {@code incident}, its URL
 * and path in ServiceNow), skipping incidents already in Paradigm, then lists its attachments
 * ({@code GET /api/now/attachment});</li>
 * <li>{@code servicenow-attachment}: downloads each attachment and uploads it, linked to its incident;</li>
 * <li>{@code servicenow-work-notes}: when Paradigm has finished with one of these documents
 * ({@code paradigm:fileEvents}, final statuses only), adds a work note to the incident
 * ({@code PATCH /api/now/table/incident/{sys_id}}).</li>
 * </ol>
 * Properties: {@code servicenow.url}, {@code servicenow.username}, {@code servicenow.password},
 * {@code servicenow.query} (default {@code active=true}), {@code servicenow.since}, {@code servicenow.poll-period},
 * {@code servicenow.status-poll-delay}, {@code paradigm.workspace-id}.
 */
public class ServiceNowIncidentRoutes extends RouteBuilder {

    private static final String INCIDENT = "ServiceNowIncident";
    private static final String ATTACHMENT = "ServiceNowAttachment";

    @Override
    public void configure() {
        String url = getContext().resolvePropertyPlaceholders("{{servicenow.url}}").replaceAll("/+$", "");
        String auth = "authMethod=Basic&authenticationPreemptive=true"
                      + "&authUsername={{servicenow.username}}&authPassword=RAW({{servicenow.password}})";
        IncidentDocuments documents = new IncidentDocuments(url);
        IncidentWatermark watermark = new IncidentWatermark(
                getContext().resolvePropertyPlaceholders("{{servicenow.query:active=true}}"),
                getContext().resolvePropertyPlaceholders("{{servicenow.since:}}"));

        from("timer:servicenow-incidents?period={{servicenow.poll-period:60000}}").routeId("servicenow-poll")
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .process(exchange -> exchange.getMessage().setHeader(Exchange.HTTP_QUERY,
                        "sysparm_limit=100&sysparm_exclude_reference_link=true&sysparm_query="
                        + encode(watermark.query())))
                .to(url + "/api/now/table/incident?" + auth)
                .unmarshal().json(JsonLibrary.Jackson, Map.class)
                .split(simple("${body[result]}"))
                    .to("direct:servicenow-incident")
                .end();

        from("direct:servicenow-incident").routeId("servicenow-incident")
                .setProperty(INCIDENT, body())
                .process(exchange -> watermark.seen(IncidentDocuments.text(exchange.getProperty(INCIDENT, Map.class),
                        "sys_updated_on")))
                .process(exchange -> documents.toIncidentDocument(exchange.getMessage()))
                .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&onExisting=skip")
                // an incident already in Paradigm had its attachments uploaded with it
                .filter(header(ParadigmConstants.SKIPPED).isNotEqualTo(true))
                    .log("${exchangeProperty." + INCIDENT + "[number]} -> Paradigm document ${header.CamelParadigmFileId}")
                    .removeHeaders("CamelHttp*")
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .setHeader(Exchange.HTTP_QUERY, simple("sysparm_query=table_name%3Dincident%5Etable_sys_id%3D"
                                                           + "${exchangeProperty." + INCIDENT + "[sys_id]}"))
                    .to(url + "/api/now/attachment?" + auth)
                    .unmarshal().json(JsonLibrary.Jackson, Map.class)
                    .split(simple("${body[result]}"))
                        .to("direct:servicenow-attachment")
                    .end()
                .end();

        from("direct:servicenow-attachment").routeId("servicenow-attachment")
                .setProperty(ATTACHMENT, body())
                .removeHeaders("CamelHttp*")
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setHeader(Exchange.HTTP_PATH, simple("/${exchangeProperty." + ATTACHMENT + "[sys_id]}/file"))
                .to(url + "/api/now/attachment?" + auth)
                .convertBodyTo(byte[].class)
                .process(exchange -> documents.toAttachmentDocument(exchange.getMessage(),
                        exchange.getProperty(ATTACHMENT, Map.class), exchange.getProperty(INCIDENT, Map.class)))
                .to("paradigm:upload?workspaceId={{paradigm.workspace-id}}&onExisting=skip");

        from("paradigm:fileEvents?workspaceId={{paradigm.workspace-id}}&docType=" + IncidentDocuments.INCIDENT_DOC_TYPE
             + "&terminalOnly=true&delay={{servicenow.status-poll-delay:5000}}")
                .routeId("servicenow-work-notes")
                .filter(exchange -> documents.isTicketDocument(exchange.getMessage().getBody(ParadigmFile.class)))
                .removeHeaders("CamelHttp*")
                .process(exchange -> {
                    ParadigmFile file = exchange.getMessage().getBody(ParadigmFile.class);
                    exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/" + documents.incidentSysId(file));
                    exchange.getMessage().setBody(documents.workNote(file));
                })
                .setHeader(Exchange.HTTP_METHOD, constant("PATCH"))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .marshal().json(JsonLibrary.Jackson)
                .to(url + "/api/now/table/incident?" + auth)
                .log("Work note added to incident ${header.CamelHttpPath}");
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
