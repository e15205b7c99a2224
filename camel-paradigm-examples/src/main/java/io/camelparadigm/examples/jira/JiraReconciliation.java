package io.camelparadigm.examples.jira;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@code jira-reconcile} route deletes: this site's documents whose issue or attachment Jira no longer has.
 * The documents whose external id is {@code jira:<site>:<KEY>} or {@code jira:<site>:<KEY>:<attachment-id>} are
 * grouped by issue key (any other external id is left alone, whatever its {@code doc_type}), and Jira's answer to
 * {@code GET /rest/api/3/issue/<KEY>?fields=attachment} decides for each issue:
 * <ul>
 * <li>404 with Jira's error message: Jira answers the same for a deleted issue and for one the account may no
 * longer see, so the first such 404 of a project in a round asks whether the account can still browse the project
 * ({@code GET /rest/api/3/mypermissions?projectKey=<PROJECT>&permissions=BROWSE_PROJECTS}). Only when it answers
 * {@code havePermission: true} is the issue gone: all its documents. When it answers {@code false}, or 404 (no such
 * project, or one the account cannot see), or anything else, nothing is deleted for that project's 404 issues: they
 * count as not checked and the round fails naming the project and what to do, so losing <i>Browse projects</i>
 * never deletes a project's documents;</li>
 * <li>200 with another key: the issue was moved to another project: all the documents under the old key (the poll
 * uploads it under its new key if it still matches the JQL);</li>
 * <li>200: the attachment documents whose attachment id is no longer in {@code fields.attachment} (a 200 shows the
 * account sees the issue: neither needs the project check);</li>
 * <li>anything else (another status, a 404 that is not Jira's, a connection failure): nothing. The issue counts as
 * not checked and the round fails once the other issues were checked, so the next round asks again.</li>
 * </ul>
 * As the split's {@link AggregationStrategy}, it takes each issue's failure into the round instead of stopping it.
 */
public final class JiraReconciliation implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(JiraReconciliation.class);
    /** A Jira issue key; also keeps anything else out of the URL the key is put in. */
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9_]*-[0-9]+");
    private static final Pattern ATTACHMENT_ID = Pattern.compile("[0-9]+");
    private static final int MESSAGE_LENGTH = 300;
    private static final String REMOVED_OR_HIDDEN = "give the account Browse projects, or delete them yourself if the "
                                                    + "project was removed";
    private static final String ASK_AGAIN = "if that lasts, see why Jira refuses to answer";

    private final String externalIdPrefix;
    private final ObjectMapper json = new ObjectMapper();

    /** @param site the name in external ids, e.g. acme */
    public JiraReconciliation(String site) {
        this.externalIdPrefix = "jira:" + site + ":";
    }

    /** The Paradigm documents of one issue: its own ({@code <KEY>.md}) and its attachments'. */
    public record IssueDocuments(String key, List<ParadigmFile> documents, List<AttachmentDocument> attachments) {
    }

    /** The document of one attachment, with the attachment's id in Jira. */
    public record AttachmentDocument(String attachmentId, ParadigmFile document) {
    }

    /** What one issue's answer makes stale; {@code wholeIssue} when that is every document of the issue. */
    public record Stale(String key, String reason, boolean wholeIssue, List<Long> ids) {

        @Override
        public String toString() {
            return key + " " + reason;
        }
    }

    /** Begins a round with the workspace's documents: those of this site's issues, by key. */
    public Round round(List<?> files) {
        Map<String, List<ParadigmFile>> byKey = new TreeMap<>();
        Map<String, List<AttachmentDocument>> attachmentsByKey = new HashMap<>();
        for (Object listed : files) {
            String[] parts = listed instanceof ParadigmFile file ? parts(file) : null;
            if (parts != null) {
                ParadigmFile file = (ParadigmFile) listed;
                byKey.computeIfAbsent(parts[0], key -> new ArrayList<>()).add(file);
                if (parts.length == 2) {
                    attachmentsByKey.computeIfAbsent(parts[0], key -> new ArrayList<>())
                            .add(new AttachmentDocument(parts[1], file));
                }
            }
        }
        return new Round(byKey.entrySet().stream().map(entry -> new IssueDocuments(entry.getKey(), entry.getValue(),
                attachmentsByKey.getOrDefault(entry.getKey(), List.of()))).toList());
    }

    /**
     * The project to ask about before this answer can be taken as the issue being gone: that of an issue answered
     * Jira's 404 when the round has not asked about its project yet; null otherwise (no call to make).
     */
    public String projectToAsk(Round round, IssueDocuments issue, int status, String body) {
        String project = project(issue.key());
        return status == 404 && jiraErrorMessages(body) != null && !round.asked(project) ? project : null;
    }

    /** Takes Jira's answer to {@code mypermissions} for the project into the round. */
    public void browsable(Round round, String project, int status, String body) {
        JsonNode answer = jsonOrNull(body);
        String jiraMessages = status == 404 ? errorMessages(answer) : null;
        if (jiraMessages != null) {
            round.notBrowsable(project, "the account cannot browse project " + project + " (or the project no "
                                        + "longer exists; Jira: " + jiraMessages + ")", REMOVED_OR_HIDDEN);
            return;
        }
        answer = status == 200 ? answer : null;
        JsonNode have = answer == null ? null
                : answer.path("permissions").path("BROWSE_PROJECTS").path("havePermission");
        if (have == null || !have.isBoolean()) {
            round.notBrowsable(project, "could not ask Jira whether the account can browse project " + project
                                        + " (answer " + status + ": " + excerpt(body) + ")", ASK_AGAIN);
        } else if (have.booleanValue()) {
            round.browsable(project);
        } else {
            round.notBrowsable(project, "the account cannot browse project " + project + " (or the project no "
                                        + "longer exists)", REMOVED_OR_HIDDEN);
        }
    }

    /**
     * The documents Jira's answer makes stale (none for most issues).
     *
     * @throws IllegalStateException a 404 that is not Jira's saying the issue does not exist: nothing is deleted
     */
    public Stale stale(Round round, IssueDocuments issue, int status, String body) {
        if (status == 404) {
            if (jiraErrorMessages(body) == null) {
                throw new IllegalStateException("Jira answered 404 for " + issue.key() + " without Jira's error "
                                                + "message: not taken as the issue being gone; " + excerpt(body));
            }
            if (!round.isBrowsable(project(issue.key()))) {
                // the same 404 as an issue the account may no longer see: kept, and the round fails
                round.kept(project(issue.key()), issue.key());
                return new Stale(issue.key(), "is kept (its project cannot be browsed)", true, List.of());
            }
            return new Stale(issue.key(), "is gone from Jira (404)", true, ids(issue.documents()));
        }
        JsonNode answer = jsonOrNull(body);
        if (answer == null) {
            throw new IllegalStateException("Jira's answer for " + issue.key() + " is not an issue: " + excerpt(body));
        }
        String key = answer.path("key").isTextual() ? answer.path("key").asText() : null;
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("Jira's answer for " + issue.key() + " has no key: " + excerpt(body));
        }
        if (!issue.key().equals(key)) {
            return new Stale(issue.key(), "was moved to " + key, true, ids(issue.documents()));
        }
        JsonNode attachments = answer.path("fields").path("attachment");
        if (!issue.attachments().isEmpty() && !attachments.isArray()) {
            // a field left out is not an empty list: that would delete every attachment
            throw new IllegalStateException("Jira's answer for " + issue.key() + " has no fields.attachment: "
                                            + excerpt(body));
        }
        Set<String> present = new HashSet<>();
        attachments.forEach(attachment -> present.add(attachment.path("id").asText()));
        List<AttachmentDocument> removed = issue.attachments().stream()
                .filter(attachment -> !present.contains(attachment.attachmentId())).toList();
        return new Stale(issue.key(), "lost attachment(s) " + removed.stream().map(AttachmentDocument::attachmentId)
                .distinct().collect(Collectors.joining(", ")), false,
                removed.stream().map(attachment -> attachment.document().id()).toList());
    }

    /** An issue's exchange ends: its failure, if any, is the round's to report at the end, not a stop. */
    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exception failure = newExchange.getException();
        if (failure != null) {
            Round round = newExchange.getProperty(JiraIssueRoutes.RECONCILE_ROUND, Round.class);
            IssueDocuments issue = newExchange.getProperty(JiraIssueRoutes.RECONCILE_ISSUE, IssueDocuments.class);
            String why = why(failure);
            LOG.warn("{} not checked, nothing deleted for it: {}", issue == null ? "An issue" : issue.key(), why);
            String project = newExchange.getProperty(JiraIssueRoutes.RECONCILE_PROJECT, String.class);
            if (project != null && issue != null) {
                // asking about the project failed: decided for the round, its 404 issues kept
                round.notBrowsable(project, "could not ask Jira whether the account can browse project " + project
                                            + " (" + why + ")", ASK_AGAIN);
                round.kept(project, issue.key());
            } else {
                round.notChecked((issue == null ? "?" : issue.key()) + ": " + why);
            }
            newExchange.setException(null);
        }
        return oldExchange == null ? newExchange : oldExchange;
    }

    /** The project of an issue key: what precedes its last '-'. */
    static String project(String key) {
        return key.substring(0, key.lastIndexOf('-'));
    }

    /** Null for an external id that is not one of this site's issue or attachment ids. */
    private String[] parts(ParadigmFile file) {
        String externalId = file.externalId();
        if (externalId == null || !externalId.startsWith(externalIdPrefix)) {
            return null;
        }
        String[] parts = externalId.substring(externalIdPrefix.length()).split(":", -1);
        boolean valid = ISSUE_KEY.matcher(parts[0]).matches()
                        && (parts.length == 1 || parts.length == 2 && ATTACHMENT_ID.matcher(parts[1]).matches());
        return valid ? parts : null;
    }

    /** The body as JSON, or null when it is none (empty, or not JSON). */
    private JsonNode jsonOrNull(String body) {
        try {
            JsonNode node = body == null ? null : json.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (Exception notJson) {
            return null;
        }
    }

    private String jiraErrorMessages(String body) {
        return errorMessages(jsonOrNull(body));
    }

    /** Jira's {@code errorMessages} (and field {@code errors}), or null when the answer is not Jira's error answer. */
    private static String errorMessages(JsonNode error) {
        if (error == null || !error.path("errorMessages").isArray()) {
            return null;
        }
        List<String> messages = new ArrayList<>();
        error.path("errorMessages").forEach(message -> messages.add(message.asText()));
        error.path("errors").properties().forEach(field -> messages.add(field.getKey() + ": "
                                                                        + field.getValue().asText()));
        return String.join("; ", messages);
    }

    /** The HTTP status and Jira's message (no request header, so never the token). */
    private String why(Exception failure) {
        if (failure instanceof HttpOperationFailedException http) {
            String messages = jiraErrorMessages(http.getResponseBody());
            return "Jira answered " + http.getStatusCode() + " " + http.getStatusText() + ": "
                   + (messages != null ? messages : excerpt(http.getResponseBody()));
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return line.length() <= MESSAGE_LENGTH ? line : line.substring(0, MESSAGE_LENGTH) + "...";
    }

    private static List<Long> ids(List<ParadigmFile> documents) {
        return documents.stream().map(ParadigmFile::id).toList();
    }

    /** Why a project's 404 issues are kept, and what to do about it. */
    private record KeptBecause(String why, String whatToDo) {
    }

    /**
     * One round: the issues to check, what was deleted, which issues could not be checked, and for each project one
     * of whose issues Jira answered 404, whether the account can browse it.
     */
    public static final class Round {

        private final List<IssueDocuments> issues;
        private final List<String> notChecked = new ArrayList<>();
        private final Set<String> browsable = new HashSet<>();
        /** Project → why its 404 issues are kept, and what to do. */
        private final Map<String, KeptBecause> notBrowsable = new TreeMap<>();
        /** Project → its 404 issues kept. */
        private final Map<String, List<String>> kept = new TreeMap<>();
        private int issuesDeleted;
        private int issueDocumentsDeleted;
        private int attachmentsDeleted;

        Round(List<IssueDocuments> issues) {
            this.issues = issues;
        }

        public List<IssueDocuments> issues() {
            return issues;
        }

        public synchronized void deleted(Stale stale, int count) {
            if (stale.wholeIssue()) {
                issuesDeleted++;
                issueDocumentsDeleted += count;
            } else {
                attachmentsDeleted += count;
            }
        }

        synchronized void notChecked(String why) {
            notChecked.add(why);
        }

        synchronized boolean asked(String project) {
            return browsable.contains(project) || notBrowsable.containsKey(project);
        }

        synchronized boolean isBrowsable(String project) {
            return browsable.contains(project);
        }

        synchronized void browsable(String project) {
            browsable.add(project);
        }

        synchronized void notBrowsable(String project, String why, String whatToDo) {
            notBrowsable.put(project, new KeptBecause(why, whatToDo));
        }

        synchronized void kept(String project, String key) {
            kept.computeIfAbsent(project, p -> new ArrayList<>()).add(key);
        }

        /**
         * Logs what the round deleted.
         *
         * @throws IllegalStateException some issues could not be checked: the round fails, visibly
         */
        public synchronized void end() {
            List<String> failures = new ArrayList<>(notChecked);
            int keptIssues = 0;
            for (Map.Entry<String, List<String>> project : kept.entrySet()) {
                KeptBecause because = notBrowsable.get(project.getKey());
                failures.add(because.why() + ": the documents of its issue(s) " + String.join(", ", project.getValue())
                             + " are kept; " + because.whatToDo());
                keptIssues += project.getValue().size();
            }
            int unchecked = notChecked.size() + keptIssues;
            String summary = (issues.size() - unchecked) + " of " + issues.size() + " issue(s) checked in "
                             + "Jira: " + issuesDeleted + " issue(s) gone ("
                             + issueDocumentsDeleted + " document(s) deleted), " + attachmentsDeleted
                             + " removed attachment(s) deleted";
            if (unchecked > 0) {
                throw new IllegalStateException(summary + "; " + unchecked + " issue(s) could not be "
                                                + "checked, nothing deleted for them (the next round asks again): "
                                                + String.join(" | ", failures));
            }
            LOG.info(summary);
        }
    }
}
