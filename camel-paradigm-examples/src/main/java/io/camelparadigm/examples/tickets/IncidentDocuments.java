package io.camelparadigm.examples.tickets;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Message;

/**
 * Maps ServiceNow records (Table API JSON as Maps) to Paradigm documents and Paradigm outcomes back to work notes.
 * An incident becomes a Markdown document ({@code doc_type=incident}); each of its attachments a document of its
 * own ({@code doc_type=incident_attachment}); both carry the incident's sys_id and number in
 * {@code additional_metadata}, which is how a status change finds its way back to the ticket.
 */
public class IncidentDocuments {

    public static final String INCIDENT_DOC_TYPE = "incident";
    public static final String ATTACHMENT_DOC_TYPE = "incident_attachment";
    public static final String INCIDENT_SYS_ID = "incident_sys_id";
    public static final String INCIDENT_NUMBER = "incident_number";
    private static final String EXTERNAL_ID_PREFIX = "servicenow:";

    private final String instanceUrl;

    /** @param instanceUrl the ServiceNow instance, e.g. https://acme.service-now.com */
    public IncidentDocuments(String instanceUrl) {
        this.instanceUrl = instanceUrl.replaceAll("/+$", "");
    }

    /** Body in: the incident (a Map); body out: its Markdown text, with the upload headers. */
    public void toIncidentDocument(Message message) {
        Map<String, Object> incident = record(message.getBody());
        String sysId = text(incident, "sys_id");
        String number = text(incident, "number");
        message.setHeader(ParadigmConstants.FILENAME, number + ".md");
        message.setHeader(ParadigmConstants.TITLE, number + ": " + text(incident, "short_description"));
        message.setHeader(ParadigmConstants.EXTERNAL_ID, EXTERNAL_ID_PREFIX + "incident:" + sysId);
        message.setHeader(ParadigmConstants.DOC_TYPE, INCIDENT_DOC_TYPE);
        message.setHeader(ParadigmConstants.EXTERNAL_URL, instanceUrl + "/incident.do?sys_id=" + sysId);
        message.setHeader(ParadigmConstants.EXTERNAL_FULL_PATH, "incident/" + number);
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, links(sysId, number));
        message.setBody(markdown(incident).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Body in: the attachment's bytes; the attachment record (a Map) and the incident are given separately because
     * the HTTP call that fetched the bytes replaced the body.
     */
    public void toAttachmentDocument(Message message, Map<String, Object> attachment, Map<String, Object> incident) {
        String sysId = text(attachment, "sys_id");
        message.setHeader(ParadigmConstants.FILENAME, text(attachment, "file_name"));
        message.setHeader(ParadigmConstants.EXTERNAL_ID, EXTERNAL_ID_PREFIX + "attachment:" + sysId);
        message.setHeader(ParadigmConstants.DOC_TYPE, ATTACHMENT_DOC_TYPE);
        message.setHeader(ParadigmConstants.EXTERNAL_URL, instanceUrl + "/sys_attachment.do?sys_id=" + sysId);
        message.setHeader(ParadigmConstants.EXTERNAL_FULL_PATH,
                "incident/" + text(incident, "number") + "/" + text(attachment, "file_name"));
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, links(text(incident, "sys_id"), text(incident, "number")));
    }

    /** True for documents this example uploaded (the consumer sees every file of the workspace). */
    public boolean isTicketDocument(ParadigmFile file) {
        return incidentSysId(file) != null && file.externalMetadata().externalId() != null
               && file.externalMetadata().externalId().startsWith(EXTERNAL_ID_PREFIX);
    }

    /** The sys_id of the incident a Paradigm document belongs to, or null. */
    public String incidentSysId(ParadigmFile file) {
        ExternalMetadata metadata = file.externalMetadata();
        if (metadata == null || metadata.additionalMetadata() == null) {
            return null;
        }
        Object sysId = metadata.additionalMetadata().get(INCIDENT_SYS_ID);
        return sysId == null ? null : sysId.toString();
    }

    /** The Table API body that adds a work note about a document's final status. */
    public Map<String, Object> workNote(ParadigmFile file) {
        return Map.of("work_notes", ProcessingNote.of(file,
                ATTACHMENT_DOC_TYPE.equals(file.externalMetadata().docType()), "incident"));
    }

    static String markdown(Map<String, Object> incident) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(text(incident, "number")).append(": ").append(text(incident, "short_description"))
                .append("\n\n| field | value |\n|---|---|\n");
        for (String field : new String[] {"state", "priority", "urgency", "impact", "category", "subcategory",
                                          "assignment_group", "opened_at", "resolved_at", "sys_updated_on"}) {
            String value = text(incident, field);
            if (!value.isEmpty()) {
                text.append("| ").append(field.replace('_', ' ')).append(" | ").append(value.replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        appendSection(text, "Description", text(incident, "description"));
        appendSection(text, "Resolution", text(incident, "close_notes"));
        return text.toString();
    }

    private static void appendSection(StringBuilder text, String title, String body) {
        if (!body.isBlank()) {
            text.append("\n## ").append(title).append("\n\n").append(body).append('\n');
        }
    }

    private static Map<String, Object> links(String incidentSysId, String incidentNumber) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put(INCIDENT_SYS_ID, incidentSysId);
        links.put(INCIDENT_NUMBER, incidentNumber);
        return links;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Object body) {
        if (body instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("Expected a ServiceNow record as a Map, got "
                                           + (body == null ? "nothing" : body.getClass().getName()));
    }

    /** A field's value; a reference given as {link, value} yields its value. */
    static String text(Map<String, Object> record, String field) {
        Object value = record.get(field);
        if (value instanceof Map<?, ?> reference) {
            value = reference.get("value");
        }
        return Objects.toString(value, "");
    }
}
