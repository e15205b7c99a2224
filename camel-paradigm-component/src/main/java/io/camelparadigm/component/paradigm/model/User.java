package io.camelparadigm.component.paradigm.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The Paradigm user who uploaded a document. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(long id, String firstName, String lastName, String username) {
}
