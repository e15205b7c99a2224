package io.camelparadigm.component.paradigm.client;

import java.util.List;

import io.camelparadigm.component.paradigm.model.ExternalMetadata;

/** Every field of {@code POST /api/v3/files}; all but {@code workspaceId} and {@code content} are optional. */
public record UploadRequest(
        long workspaceId,
        UploadContent content,
        String filename,
        String title,
        String parser,
        List<Long> tags,
        ExternalMetadata externalMetadata) {

    public UploadRequest {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The filename sent to the service: the explicit one, else the content's own name. */
    public String effectiveFilename() {
        return filename != null && !filename.isBlank() ? filename : content.defaultFilename();
    }
}
