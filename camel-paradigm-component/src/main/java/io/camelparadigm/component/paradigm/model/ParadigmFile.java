package io.camelparadigm.component.paradigm.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A document as the Paradigm v3 API describes it. Unknown fields are ignored and every field but the id may be
 * absent or null, as the real service sends them. {@code status} is kept as text: the service may add values.
 * {@code signature} and {@code parser} come with getFile, or with listFiles when includeDetails is set;
 * {@code searchDetails} with search when searchDetails is set; {@code content} with getFile and includeContent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParadigmFile(
        long id,
        String filename,
        String title,
        String extension,
        String status,
        String statusVision,
        String statusDetail,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        Integer totalPages,
        List<Tag> tags,
        Workspace workspace,
        String uploadSessionUuid,
        ExternalMetadata externalMetadata,
        String message,
        String content,
        Long size,
        String signature,
        String parser,
        List<Summary> summaries,
        User createdBy,
        SearchDetails searchDetails) {

    public ParadigmFile {
        tags = tags == null ? List.of() : List.copyOf(tags);
        summaries = summaries == null ? List.of() : List.copyOf(summaries);
    }

    /** The id of the external source document, or null when the file carries no external metadata. */
    public String externalId() {
        return externalMetadata == null ? null : externalMetadata.externalId();
    }

    public boolean isTerminal() {
        return FileStatus.isTerminal(status);
    }
}
