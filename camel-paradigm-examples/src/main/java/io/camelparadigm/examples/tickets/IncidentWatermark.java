package io.camelparadigm.examples.tickets;

/**
 * The newest {@code sys_updated_on} seen, so that each poll asks ServiceNow only for incidents changed since
 * (inclusive: incidents seen again are skipped by their external id). Kept in memory: after a restart the first
 * poll starts again from {@code servicenow.since}, and Paradigm's external-id lookup skips what is already there.
 */
public final class IncidentWatermark {

    private final String baseQuery;
    private String newest;

    /**
     * @param baseQuery ServiceNow encoded query every poll starts from, e.g. {@code active=true}; may be empty
     * @param since     {@code yyyy-MM-dd HH:mm:ss} (UTC) of the oldest change to read; null or empty for all
     */
    public IncidentWatermark(String baseQuery, String since) {
        this.baseQuery = baseQuery == null ? "" : baseQuery.trim();
        this.newest = since == null || since.isBlank() ? null : since.trim();
    }

    /** The {@code sysparm_query} of the next poll: oldest change first. */
    public synchronized String query() {
        StringBuilder query = new StringBuilder(baseQuery);
        if (newest != null) {
            if (query.length() > 0) {
                query.append('^');
            }
            query.append("sys_updated_on>=").append(newest);
        }
        return query.append("^ORDERBYsys_updated_on").toString();
    }

    /** ServiceNow's timestamps ({@code 2025-01-10 09:12:00}) sort as text. */
    public synchronized void seen(String sysUpdatedOn) {
        if (sysUpdatedOn != null && !sysUpdatedOn.isBlank() && (newest == null || sysUpdatedOn.compareTo(newest) > 0)) {
            newest = sysUpdatedOn;
        }
    }
}
