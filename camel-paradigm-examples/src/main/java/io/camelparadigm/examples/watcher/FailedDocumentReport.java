package io.camelparadigm.examples.watcher;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Body;
import org.apache.camel.Header;

/** The dead-letter record of a document whose processing failed: what an operator needs to act on it, as JSON. */
public final class FailedDocumentReport {

    private FailedDocumentReport() {
    }

    public static String toJson(@Body ParadigmFile file,
                                @Header(ParadigmConstants.PREVIOUS_STATUS) String previousStatus)
            throws JsonProcessingException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", file.id());
        report.put("filename", file.filename());
        report.put("title", file.title());
        report.put("workspace_id", file.workspace() == null ? null : file.workspace().id());
        report.put("status", file.status());
        report.put("previous_status", previousStatus);
        report.put("status_detail", file.statusDetail());
        report.put("external_id", file.externalId());
        report.put("upload_session_uuid", file.uploadSessionUuid());
        report.put("created_at", file.createdAt());
        report.put("updated_at", file.updatedAt());
        return ParadigmJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }
}
