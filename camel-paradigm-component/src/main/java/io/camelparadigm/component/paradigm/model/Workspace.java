package io.camelparadigm.component.paradigm.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Workspace(long id, String name, String workspaceType) {
}
