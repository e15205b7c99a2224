package io.camelparadigm.examples.jira;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.examples.tickets.ProcessingNote;
import org.apache.camel.Message;

/**
 * Maps Jira Cloud issues to Paradigm documents and Paradigm outcomes back to comments. An issue becomes a Markdown
 * document ({@code doc_type=jira_issue}, external id {@code jira:<site>:<issue-key>}), each attachment a document of
 * its own ({@code doc_type=jira_attachment}, {@code jira:<site>:<issue-key>:<attachment-id>}); both carry the issue
 * key in {@code additional_metadata.issue_key}, which is how a status change finds its way back to the issue.
 * <p>
 * The issue's document holds what a reader searches for (summary, fields, description) and nothing that changes
 * when the example itself comments: {@code updated} is left out, so the comment written back does not make the
 * document look changed and start another round of processing (and another comment).
 */
public class JiraDocuments {

    public static final String ISSUE_DOC_TYPE = "jira_issue";
    public static final String ATTACHMENT_DOC_TYPE = "jira_attachment";
    public static final String ISSUE_KEY = "issue_key";

    private final String siteUrl;
    private final String externalIdPrefix;

    /**
     * @param siteUrl e.g. https://acme.atlassian.net
     * @param site    the name in external ids, e.g. acme
     */
    public JiraDocuments(String siteUrl, String site) {
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        this.externalIdPrefix = "jira:" + site + ":";
    }

    /** Body out: the issue as Markdown, with the upload headers (the version compared is the text's SHA-256). */
    public void toIssueDocument(Message message, JiraIssue issue) {
        message.setHeader(ParadigmConstants.FILENAME, issue.key() + ".md");
        message.setHeader(ParadigmConstants.TITLE, issue.key() + ": " + issue.fields().summary());
        message.setHeader(ParadigmConstants.EXTERNAL_ID, externalIdPrefix + issue.key());
        message.setHeader(ParadigmConstants.DOC_TYPE, ISSUE_DOC_TYPE);
        Map<String, Object> metadata = links(issue);
        metadata.put(ExternalMetadata.EXTERNAL_FULL_PATH, project(issue) + "/" + issue.key());
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, metadata);
        message.removeHeader(ParadigmConstants.CONTENT_HASH);
        message.setBody(markdown(issue).getBytes(StandardCharsets.UTF_8));
    }

    /** Headers for the attachment's document; its id is its version, since an attachment never changes. */
    public void toAttachmentDocument(Message message, JiraIssue.Attachment attachment, JiraIssue issue) {
        message.setHeader(ParadigmConstants.FILENAME, attachment.filename());
        message.setHeader(ParadigmConstants.EXTERNAL_ID, externalIdPrefix + issue.key() + ":" + attachment.id());
        message.setHeader(ParadigmConstants.DOC_TYPE, ATTACHMENT_DOC_TYPE);
        Map<String, Object> metadata = links(issue);
        metadata.put(ExternalMetadata.EXTERNAL_FULL_PATH,
                project(issue) + "/" + issue.key() + "/" + attachment.filename());
        metadata.put("attachment_id", attachment.id());
        if (attachment.author() != null) {
            metadata.put("author", attachment.author().displayName());
        }
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, metadata);
        message.setHeader(ParadigmConstants.CONTENT_HASH, "jira-attachment:" + attachment.id());
    }

    /** True for documents this example uploaded from this site (the consumer sees every file of the workspace). */
    public boolean isJiraDocument(ParadigmFile file) {
        return file != null && file.externalId() != null && file.externalId().startsWith(externalIdPrefix)
               && issueKey(file) != null;
    }

    /** The key of the issue a Paradigm document belongs to, or null. */
    public String issueKey(ParadigmFile file) {
        ExternalMetadata metadata = file.externalMetadata();
        Object key = metadata == null || metadata.additionalMetadata() == null ? null
                : metadata.additionalMetadata().get(ISSUE_KEY);
        return key == null ? null : key.toString();
    }

    /** The body of {@code POST /rest/api/3/issue/{key}/comment}: one paragraph, in Atlassian Document Format. */
    public Map<String, Object> comment(ParadigmFile file) {
        String text = ProcessingNote.of(file, ATTACHMENT_DOC_TYPE.equals(file.externalMetadata().docType()), "issue");
        return Map.of("body", Map.of("type", "doc", "version", 1, "content", List.of(
                Map.of("type", "paragraph", "content", List.of(Map.of("type", "text", "text", text))))));
    }

    static String markdown(JiraIssue issue) {
        JiraIssue.Fields fields = issue.fields();
        StringBuilder text = new StringBuilder("# ").append(issue.key()).append(": ").append(fields.summary())
                .append("\n\n| field | value |\n|---|---|\n");
        row(text, "type", fields.issuetype() == null ? null : fields.issuetype().name());
        row(text, "status", fields.status() == null ? null : fields.status().name());
        row(text, "priority", fields.priority() == null ? null : fields.priority().name());
        row(text, "assignee", fields.assignee() == null ? null : fields.assignee().displayName());
        row(text, "reporter", fields.reporter() == null ? null : fields.reporter().displayName());
        row(text, "labels", fields.labels().isEmpty() ? null : String.join(", ", fields.labels()));
        row(text, "created", fields.created());
        String description = AdfText.of(fields.description());
        if (!description.isBlank()) {
            text.append("\n## Description\n\n").append(description).append('\n');
        }
        return text.toString();
    }

    private static void row(StringBuilder text, String field, String value) {
        if (value != null && !value.isBlank()) {
            text.append("| ").append(field).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
        }
    }

    private Map<String, Object> links(JiraIssue issue) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(ExternalMetadata.EXTERNAL_URL, siteUrl + "/browse/" + issue.key());
        metadata.put(ISSUE_KEY, issue.key());
        return metadata;
    }

    private static String project(JiraIssue issue) {
        return issue.key().substring(0, issue.key().lastIndexOf('-'));
    }
}
