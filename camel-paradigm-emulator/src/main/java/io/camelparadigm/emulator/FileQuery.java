package io.camelparadigm.emulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.jetty.util.Fields;

/**
 * The filters, search and ordering of {@code GET /api/v3/files}, read from the query string. List filters
 * take comma-separated values and may also be repeated; every bound is inclusive; unreadable values are a
 * 400.
 */
final class FileQuery {

    private static final Set<String> ORDERING_FIELDS = Set.of("created_at", "title", "filename");
    private static final int DEFAULT_SEARCH_DOCUMENTS = 50;
    private static final int MAX_DOCUMENTS = 500;

    Set<String> statuses;
    Set<String> visionStatuses;
    Set<Long> workspaceIds;
    Set<Long> tagIds;
    Set<String> extensions;
    String filenamePart;
    String titlePart;
    Long createdAfter;
    Long createdBefore;
    Long updatedAfter;
    Long updatedBefore;
    String externalId;
    String docTypePart;
    String uploadSessionUuid;
    Integer totalPagesMin;
    Integer totalPagesMax;
    List<String> searchTerms = List.of();
    Integer maxDocuments;
    boolean includeDetails;
    boolean searchDetails;
    int searchDetailsChunksLimit = 3;
    Comparator<Document> ordering;
    /** The order is created_at alone (ties by id in the same direction): true descending, false ascending. */
    Boolean createdAtDescending;

    /** A document matched with its state at the time of the request and its search relevance. */
    record Match(Document document, Document.State state, int relevance) {
    }

    static FileQuery from(Fields query) throws ApiException {
        FileQuery q = new FileQuery();
        q.statuses = choices(query, "status", ProcessingPlan.KNOWN_STATUSES);
        q.visionStatuses = choices(query, "status_vision", ProcessingPlan.KNOWN_VISION_STATUSES);
        q.workspaceIds = ids(query, "workspace_id");
        q.tagIds = ids(query, "tag_id");
        Set<String> extensions = list(query, "extension");
        if (extensions != null) {
            q.extensions = new LinkedHashSet<>();
            for (String extension : extensions) {
                q.extensions.add(extension.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT));
            }
        }
        q.filenamePart = lowerText(query, "filename");
        q.titlePart = lowerText(query, "title");
        q.createdAfter = instant(query, "created_at_after");
        q.createdBefore = instant(query, "created_at_before");
        q.updatedAfter = instant(query, "updated_at_after");
        q.updatedBefore = instant(query, "updated_at_before");
        q.externalId = text(query, "external_metadata__external_id");
        q.docTypePart = lowerText(query, "external_metadata__doc_type");
        q.uploadSessionUuid = text(query, "upload_session_uuid");
        q.totalPagesMin = integer(query, "total_pages_min");
        q.totalPagesMax = integer(query, "total_pages_max");
        String search = text(query, "search");
        if (search != null) {
            q.searchTerms = List.of(search.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        }
        q.maxDocuments = integer(query, "max_documents");
        if (q.maxDocuments != null && (q.maxDocuments < 1 || q.maxDocuments > MAX_DOCUMENTS)) {
            throw ApiException.validation("invalid_max_documents",
                    "max_documents must be between 1 and " + MAX_DOCUMENTS + ", not " + q.maxDocuments + ".");
        }
        q.includeDetails = bool(query, "include_details");
        q.searchDetails = bool(query, "search_details");
        Integer chunks = integer(query, "search_details_chunks_limit");
        if (chunks != null) {
            if (chunks < 1 || chunks > 10) {
                throw ApiException.validation("invalid_search_details_chunks_limit",
                        "search_details_chunks_limit must be between 1 and 10, not " + chunks + ".");
            }
            q.searchDetailsChunksLimit = chunks;
        }
        String ordering = text(query, "ordering");
        q.ordering = ordering(ordering);
        String single = ordering == null ? "-created_at" : ordering.trim();
        q.createdAtDescending = single.equals("-created_at") ? Boolean.TRUE
                : single.equals("created_at") ? Boolean.FALSE : null;
        return q;
    }

    boolean isSearch() {
        return !searchTerms.isEmpty();
    }

    /** Cap on the number of documents listed: {@code max_documents}, 50 by default for a search. */
    Integer documentCap() {
        return maxDocuments != null ? maxDocuments : isSearch() ? DEFAULT_SEARCH_DOCUMENTS : null;
    }

    /** Filters that need no processing state: checked first, so most documents are rejected cheaply. */
    boolean matchesStoredFields(Document d, long stepMicros) {
        return (workspaceIds == null || workspaceIds.contains(d.workspace.id()))
                && (createdAfter == null || d.createdAtMicros >= createdAfter)
                && (createdBefore == null || d.createdAtMicros <= createdBefore)
                && (updatedAfter == null || d.latestPossibleUpdateMicros(stepMicros) >= updatedAfter)
                && (updatedBefore == null || d.createdAtMicros <= updatedBefore)
                && (extensions == null || extensions.contains(d.extension))
                && (uploadSessionUuid == null || uploadSessionUuid.equals(d.uploadSessionUuid))
                && (externalId == null || externalId.equals(d.externalId()))
                && (docTypePart == null || (d.docType() != null
                        && d.docType().toLowerCase(Locale.ROOT).contains(docTypePart)))
                && (filenamePart == null || d.filename.toLowerCase(Locale.ROOT).contains(filenamePart))
                && (titlePart == null || d.title.toLowerCase(Locale.ROOT).contains(titlePart))
                && (tagIds == null || d.hasAnyTag(tagIds));
    }

    /**
     * True when a document that passed {@link #matchesStoredFields} matches whatever its state: no filter on the
     * state but updated_at, and its updated_at is known to be within bounds, since it lies between its created_at
     * and {@link Document#latestPossibleUpdateMicros} (what a count needs, without computing the state).
     */
    boolean matchesWhateverItsState(Document d, long stepMicros) {
        return !isSearch() && statuses == null && visionStatuses == null && totalPagesMin == null
                && totalPagesMax == null
                && (updatedAfter == null || d.createdAtMicros >= updatedAfter)
                && (updatedBefore == null || d.latestPossibleUpdateMicros(stepMicros) <= updatedBefore);
    }

    /** Filters on the processing state at the time of the request. */
    boolean matchesState(Document.State s) {
        return (statuses == null || statuses.contains(s.status()))
                && (visionStatuses == null || visionStatuses.contains(s.statusVision()))
                && (updatedAfter == null || s.updatedAtMicros() >= updatedAfter)
                && (updatedBefore == null || s.updatedAtMicros() <= updatedBefore)
                && (totalPagesMin == null || s.totalPages() >= totalPagesMin)
                && (totalPagesMax == null || s.totalPages() <= totalPagesMax);
    }

    /** How many times the search terms occur in title, filename and parsed text; 0 = not found. */
    int relevance(Document d, Document.State s) {
        if (!isSearch()) {
            return 0;
        }
        String content = FileViews.contentOf(d, s);
        String haystack = (d.title + "\n" + d.filename + "\n" + (content == null ? "" : content))
                .toLowerCase(Locale.ROOT);
        int hits = 0;
        for (String term : searchTerms) {
            for (int at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + term.length())) {
                hits++;
            }
        }
        return hits;
    }

    /** Relevance first when searching, otherwise the requested ordering; ties by id, never unstable. */
    Comparator<Match> order() {
        if (isSearch()) {
            return Comparator.comparingInt(Match::relevance).reversed()
                    .thenComparing(Match::document, Comparator.comparingLong((Document d) -> d.createdAtMicros)
                            .reversed().thenComparing(Comparator.comparingLong((Document d) -> d.id).reversed()));
        }
        return Comparator.comparing(Match::document, ordering);
    }

    private static Comparator<Document> ordering(String value) throws ApiException {
        List<String> fields = value == null ? List.of("-created_at") : List.of(value.split(","));
        Comparator<Document> comparator = null;
        boolean lastDescending = true;
        for (String raw : fields) {
            String field = raw.trim();
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            if (!ORDERING_FIELDS.contains(name)) {
                throw ApiException.validation("invalid_ordering", "Invalid ordering '" + field
                        + "'. Allowed: created_at, title, filename, with an optional '-' prefix for descending.");
            }
            Comparator<Document> next = switch (name) {
                case "created_at" -> Comparator.comparingLong(d -> d.createdAtMicros);
                case "title" -> Comparator.comparing((Document d) -> d.title, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(d -> d.title);
                default -> Comparator.comparing((Document d) -> d.filename, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(d -> d.filename);
            };
            next = descending ? next.reversed() : next;
            comparator = comparator == null ? next : comparator.thenComparing(next);
            lastDescending = descending;
        }
        Comparator<Document> byId = Comparator.comparingLong(d -> d.id);
        return comparator.thenComparing(lastDescending ? byId.reversed() : byId);
    }

    private static Set<String> list(Fields query, String name) {
        List<String> values = query.getValuesOrEmpty(name);
        Set<String> items = new LinkedHashSet<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items.isEmpty() ? null : items;
    }

    private static Set<String> choices(Fields query, String name, Set<String> allowed) throws ApiException {
        Set<String> values = list(query, name);
        if (values != null) {
            for (String value : values) {
                if (!allowed.contains(value)) {
                    throw ApiException.validation("invalid_choice", "Select a valid choice. '" + value
                            + "' is not one of the available choices for " + name + ".");
                }
            }
        }
        return values;
    }

    private static Set<Long> ids(Fields query, String name) throws ApiException {
        Set<String> values = list(query, name);
        if (values == null) {
            return null;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : values) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw ApiException.validation("invalid_" + name,
                        name + " must be comma-separated integers, not '" + value + "'.");
            }
        }
        return ids;
    }

    private static String text(Fields query, String name) {
        String value = query.getValue(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String lowerText(Fields query, String name) {
        String value = text(query, name);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static Long instant(Fields query, String name) throws ApiException {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        Instant instant = Timestamps.parseFilterValue(value);
        if (instant == null) {
            throw ApiException.validation("invalid_datetime", name
                    + " must be an ISO-8601 date-time or date (e.g. 2024-01-01 or 2024-01-01T23:59:59Z), not '"
                    + value + "'.");
        }
        return Timestamps.toMicros(instant);
    }

    private static Integer integer(Fields query, String name) throws ApiException {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("invalid_" + name, name + " must be an integer, not '" + value + "'.");
        }
    }

    private static boolean bool(Fields query, String name) throws ApiException {
        String value = text(query, name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.validation("invalid_" + name, name + " must be true or false, not '"
                    + value + "'.");
        };
    }
}
