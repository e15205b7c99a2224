package io.camelparadigm.component.paradigm.client;

import java.util.List;

import io.camelparadigm.component.paradigm.model.ExternalMetadata;

/**
 * What {@code PATCH /api/v3/files/{id}} changes; a null field is not sent and stays as it is. {@code tags} replaces
 * every tag of the file; {@code externalMetadata} is merged into the file's (its external id cannot change);
 * {@code content} replaces the document's content under the same id, sent as {@code filename} (else the content's
 * own name), and processing starts over.
 */
public record FileUpdate(String title, List<Long> tags, ExternalMetadata externalMetadata, UploadContent content,
                         String filename) {

    public FileUpdate {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** Nothing would change. */
    public boolean isEmpty() {
        return title == null && tags == null && externalMetadata == null && content == null;
    }

    String effectiveFilename() {
        return filename != null && !filename.isBlank() ? filename : content.defaultFilename();
    }
}
