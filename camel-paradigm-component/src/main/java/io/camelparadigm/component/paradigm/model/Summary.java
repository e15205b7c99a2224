package io.camelparadigm.component.paradigm.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A summary Paradigm wrote of a processed document, in one language. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Summary(String language, String summary) {
}
