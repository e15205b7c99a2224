package io.camelparadigm.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /api/v3/files}: the candidates the store's indexes give, filtered, ordered, paginated. */
final class ListFilesEndpoint {

    private static final int CHUNK_LENGTH = 300;

    private final EmulatorCore core;
    private final FileViews views;

    ListFilesEndpoint(EmulatorCore core, FileViews views) {
        this.core = core;
        this.views = views;
    }

    ApiAnswer handle(ApiCall call) throws ApiException {
        FileQuery query = FileQuery.from(call.query());
        Set<Long> visible = new HashSet<>();
        core.accounts.visibleWorkspaces(call.caller()).forEach(w -> visible.add(w.id()));
        Matcher matcher = new Matcher(query, visible, core.nowMicros());
        Integer page = Pagination.requestedPageNumber(call.query());
        ObjectNode answer = !query.isSearch() && query.createdAtDescending != null && page != null
                && core.store.readsCreationIndex(query)
                ? pageInCreationOrder(call, query, matcher, page)
                : pageOfSortedMatches(call, query, matcher);
        return ApiAnswer.json(200, answer);
    }

    /** Every match collected, sorted, then paginated: for a search, another order, or an index not by created_at. */
    private ObjectNode pageOfSortedMatches(ApiCall call, FileQuery query, Matcher matcher) throws ApiException {
        List<FileQuery.Match> matches = new ArrayList<>();
        core.store.forEachCandidate(query, document -> {
            FileQuery.Match match = matcher.match(document);
            if (match != null) {
                matches.add(match);
            }
        });
        matches.sort(query.order());
        Integer cap = query.documentCap();
        List<FileQuery.Match> listed = cap != null && matches.size() > cap ? matches.subList(0, cap) : matches;
        return Pagination.page(listed, call.query(), call.request().getHttpURI(), core.mapper,
                match -> render(query, match));
    }

    /**
     * As a database answers an ORDER BY created_at ... LIMIT with its COUNT(*): the creation-time index walked in
     * order, the state computed only for the documents of the page (and those whose stored fields leave the
     * filters undecided), the others only counted.
     */
    private ObjectNode pageInCreationOrder(ApiCall call, FileQuery query, Matcher matcher, int page)
            throws ApiException {
        int pageSize = Pagination.pageSize(call.query());
        long from = (long) (page - 1) * pageSize;
        long to = from + pageSize;
        Integer cap = query.documentCap();
        List<FileQuery.Match> items = new ArrayList<>();
        int[] count = {0};
        core.store.walkInCreationOrder(query, query.createdAtDescending, document -> {
            if (count[0] >= from && count[0] < to) {
                FileQuery.Match match = matcher.match(document);
                if (match != null) {
                    items.add(match);
                    count[0]++;
                }
            } else if (matcher.matches(document)) {
                count[0]++;
            }
            return cap == null || count[0] < cap;
        });
        return Pagination.page(count[0], page, items, call.query(), call.request().getHttpURI(), core.mapper,
                match -> render(query, match));
    }

    private JsonNode render(FileQuery query, FileQuery.Match match) {
        return views.listItem(match.document(), match.state(), query.includeDetails, searchDetails(query, match));
    }

    /** Whether a document matches the query, for the caller, at the instant of the request. */
    private final class Matcher {

        private final FileQuery query;
        private final Set<Long> visible;
        private final long now;

        Matcher(FileQuery query, Set<Long> visible, long now) {
            this.query = query;
            this.visible = visible;
            this.now = now;
        }

        /** The document with its state when it matches; null when it does not. */
        FileQuery.Match match(Document document) {
            if (!visible.contains(document.workspace.id()) || !query.matchesStoredFields(document, core.stepMicros)) {
                return null;
            }
            Document.State state = core.visibleState(document, now);
            if (!query.matchesState(state)) {
                return null;
            }
            int relevance = query.relevance(document, state);
            if (query.isSearch() && relevance == 0) {
                return null;
            }
            return new FileQuery.Match(document, state, relevance);
        }

        /** As {@link #match} != null, without computing the state when the stored fields decide. */
        boolean matches(Document document) {
            if (!visible.contains(document.workspace.id()) || !query.matchesStoredFields(document, core.stepMicros)) {
                return false;
            }
            return query.matchesWhateverItsState(document, core.stepMicros) || match(document) != null;
        }
    }

    private JsonNode searchDetails(FileQuery query, FileQuery.Match match) {
        if (!query.isSearch() || !query.searchDetails) {
            return core.mapper.nullNode();
        }
        ObjectNode details = core.mapper.createObjectNode();
        ArrayNode chunks = details.putArray("relevant_chunks");
        String content = FileViews.contentOf(match.document(), match.state());
        String text = content != null ? content : match.document().title;
        String lower = text.toLowerCase(Locale.ROOT);
        int found = 0;
        for (String term : query.searchTerms) {
            int at = lower.indexOf(term);
            if (at < 0 || found >= query.searchDetailsChunksLimit) {
                continue;
            }
            int from = Math.max(0, at - CHUNK_LENGTH / 2);
            ObjectNode chunk = chunks.addObject();
            chunk.put("text", text.substring(from, Math.min(text.length(), from + CHUNK_LENGTH)));
            ObjectNode metadata = chunk.putObject("metadata");
            metadata.put("pages", "1-1");
            metadata.put("title", match.document().title);
            chunk.put("chunk_type", "text");
            chunk.put("final_score", match.relevance() / (double) (match.relevance() + 1));
            chunk.put("lexical_score", 1.0);
            chunk.putNull("distance");
            found++;
        }
        return details;
    }
}
