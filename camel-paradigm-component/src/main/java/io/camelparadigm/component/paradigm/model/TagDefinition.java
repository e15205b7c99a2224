package io.camelparadigm.component.paradigm.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A tag of the company, as {@code GET /api/v3/tags} lists it: {@code autoAssign} when the platform puts it on
 * documents by itself, {@code documentCount} the documents the key can see that carry it. Fields the service leaves
 * out are null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TagDefinition(long id, String name, String description, Boolean autoAssign, Long documentCount) {
}
