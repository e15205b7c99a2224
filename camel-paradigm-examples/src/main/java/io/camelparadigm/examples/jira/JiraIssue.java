package io.camelparadigm.examples.jira;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** The part of a Jira Cloud issue (REST API v3) this example reads; {@code description} is in Atlassian Document Format. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JiraIssue(String id, String key, Fields fields) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fields(String summary, JsonNode description, String created, String updated, Named status,
                         Named priority, Named issuetype, User assignee, User reporter, List<String> labels,
                         List<Attachment> attachment) {

        public Fields {
            labels = labels == null ? List.of() : List.copyOf(labels);
            attachment = attachment == null ? List.of() : List.copyOf(attachment);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Named(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(String accountId, String displayName) {
    }

    /** An attachment's content never changes: a new version is a new attachment with a new id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String id, String filename, String mimeType, long size, String created, String content,
                             User author) {
    }
}
