package io.camelparadigm.examples.jira;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.camel.spi.StateRepository;

/**
 * The newest {@code updated} of the issues applied, kept in a Camel {@link StateRepository} under
 * {@code jira:<site>}, so that each round asks Jira only for the issues updated since (the JQL clause is inclusive
 * and has minute precision: issues seen again are found unchanged in Paradigm). Saved after each page, since a
 * round reads issues oldest change first.
 */
public final class JiraWatermark {

    /** Jira's timestamps: {@code 2025-03-11T16:40:12.345+0000}. */
    static final DateTimeFormatter JIRA_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** JQL's dates, read in the time zone of the API user's profile. */
    static final DateTimeFormatter JQL_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private final StateRepository<String, String> repository;
    private final String key;
    private final String jql;
    private final String since;
    private final ZoneId jqlZone;
    private OffsetDateTime newest;

    /**
     * @param jql     what to sync, e.g. {@code project = SUP}; Jira refuses a search with no restriction
     * @param since   {@code yyyy/MM/dd HH:mm} of the oldest update to read on a first run; null or empty for all
     * @param jqlZone the time zone of the API user's profile, in which Jira reads JQL dates
     */
    public JiraWatermark(StateRepository<String, String> repository, String site, String jql, String since,
                         ZoneId jqlZone) {
        if (jql == null || jql.isBlank()) {
            throw new IllegalArgumentException("jira.jql is required (e.g. project = SUP): Jira refuses a search "
                                               + "with no restriction");
        }
        this.repository = repository;
        this.key = "jira:" + site;
        this.jql = jql.trim();
        this.since = since == null || since.isBlank() ? null : since.trim();
        this.jqlZone = jqlZone;
    }

    /** The JQL of the next round: the issues updated since the watermark, oldest change first. */
    public synchronized String jql() {
        String stored = repository.getState(key);
        String from = stored != null && !stored.isBlank()
                ? OffsetDateTime.parse(stored, JIRA_TIMESTAMP).atZoneSameInstant(jqlZone).format(JQL_DATE) : since;
        return "(" + jql + ")" + (from == null ? "" : " AND updated >= \"" + from + "\"")
               + " ORDER BY updated ASC, key ASC";
    }

    /** An issue of the current page was applied (its documents and attachments are in Paradigm). */
    public synchronized void seen(JiraIssue issue) {
        String updated = issue.fields() == null ? null : issue.fields().updated();
        if (updated != null) {
            OffsetDateTime at = OffsetDateTime.parse(updated, JIRA_TIMESTAMP);
            if (newest == null || at.isAfter(newest)) {
                newest = at;
            }
        }
    }

    /** Every issue of the page was applied: the watermark moves to the newest of them. */
    public synchronized void pageApplied() {
        if (newest != null) {
            repository.setState(key, newest.format(JIRA_TIMESTAMP));
        }
    }
}
