package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * Page-number pagination as Django REST Framework does it: {@code page} (from 1) and {@code page_size}
 * (an unreadable size falls back to the default, a larger one is capped), a page past the end is a 404,
 * {@code next}/{@code previous} are absolute URLs built from the request's own URL.
 */
final class Pagination {

    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;

    private Pagination() {
    }

    static <T> ObjectNode page(List<T> all, Fields query, HttpURI requestUri, ObjectMapper mapper,
                               Function<T, JsonNode> render) throws ApiException {
        int pageSize = pageSize(query);
        int page = pageNumber(query.getValue("page"), pageCount(all.size(), pageSize));
        int from = (page - 1) * pageSize;
        return page(all.size(), page, all.subList(from, Math.min(all.size(), from + pageSize)), query, requestUri,
                mapper, render);
    }

    /**
     * The page {@code page} of a listing of {@code count} items whose page holds {@code items}, as {@link #page(List,
     * Fields, HttpURI, ObjectMapper, Function)} answers it; a page past the end is a 404.
     */
    static <T> ObjectNode page(int count, int page, List<T> items, Fields query, HttpURI requestUri,
                               ObjectMapper mapper, Function<T, JsonNode> render) throws ApiException {
        int pageCount = pageCount(count, pageSize(query));
        if (page > pageCount) {
            throw invalidPage();
        }
        ObjectNode envelope = mapper.createObjectNode();
        envelope.put("count", count);
        envelope.put("next", page < pageCount ? urlOfPage(requestUri, query, page + 1) : null);
        envelope.put("previous", page > 1 ? urlOfPage(requestUri, query, page - 1) : null);
        var results = envelope.putArray("results");
        for (T item : items) {
            results.add(render.apply(item));
        }
        return envelope;
    }

    static int pageSize(Fields query) {
        return pageSize(query.getValue("page_size"));
    }

    /** The page asked for when it is a number from 1, known before the listing is counted; null otherwise. */
    static Integer requestedPageNumber(Fields query) {
        String value = query.getValue("page");
        if (value == null) {
            return 1;
        }
        try {
            int page = Integer.parseInt(value.trim());
            return page >= 1 ? page : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static int pageCount(int count, int pageSize) {
        return Math.max(1, (count + pageSize - 1) / pageSize);
    }

    private static ApiException invalidPage() {
        return new ApiException(404, "invalid_page", "not_found", "Invalid page.");
    }

    private static int pageSize(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            return size > 0 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
        } catch (NumberFormatException unreadable) {
            return DEFAULT_PAGE_SIZE;
        }
    }

    private static int pageNumber(String value, int pageCount) throws ApiException {
        if (value == null || value.equals("last")) {
            return value == null ? 1 : pageCount;
        }
        try {
            int page = Integer.parseInt(value.trim());
            if (page >= 1 && page <= pageCount) {
                return page;
            }
        } catch (NumberFormatException unreadable) {
            // falls through to the error
        }
        throw invalidPage();
    }

    /** The request's URL with {@code page} set to {@code page}, or removed for the first page. */
    private static String urlOfPage(HttpURI requestUri, Fields query, int page) {
        MultiMap<String> params = query.toMultiMap();
        params.remove("page");
        if (page > 1) {
            params.put("page", Integer.toString(page));
        }
        String encoded = UrlEncoded.encode(params, StandardCharsets.UTF_8, false);
        return HttpURI.build(requestUri).query(encoded.isEmpty() ? null : encoded).asString();
    }
}
