package io.camelparadigm.examples.jira;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of {@code GET /rest/api/3/search/jql}: issues, and the token of the next page unless it is the last. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchPage(List<JiraIssue> issues, String nextPageToken, Boolean isLast) {

    public SearchPage {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    public boolean hasNext() {
        return !Boolean.TRUE.equals(isLast) && nextPageToken != null && !nextPageToken.isBlank();
    }
}
