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
        long now = core.nowMicros();
        List<FileQuery.Match> matches = new ArrayList<>();
        core.store.forEachCandidate(query, document -> {
            if (!visible.contains(document.workspace.id())) {
                return;
            }
            if (!query.matchesStoredFields(document, core.stepMicros)) {
                return;
            }
            Document.State state = core.visibleState(document, now);
            if (!query.matchesState(state)) {
                return;
            }
            int relevance = query.relevance(document, state);
            if (query.isSearch() && relevance == 0) {
                return;
            }
            matches.add(new FileQuery.Match(document, state, relevance));
        });
        matches.sort(query.order());
        Integer cap = query.documentCap();
        List<FileQuery.Match> listed = cap != null && matches.size() > cap ? matches.subList(0, cap) : matches;
        ObjectNode page = Pagination.page(listed, call.query(), call.request().getHttpURI(), core.mapper,
                match -> views.listItem(match.document(), match.state(), query.includeDetails,
                        searchDetails(query, match)));
        return ApiAnswer.json(200, page);
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
