package io.camelparadigm.component.paradigm.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A tag on a document; {@code autoAssigned} is true when Paradigm assigned it, false when a user did. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Tag(long id, String name, boolean autoAssigned) {
}
