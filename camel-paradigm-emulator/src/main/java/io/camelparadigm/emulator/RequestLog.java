package io.camelparadigm.emulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** The requests received (all of them, or the newest {@link #keepLast n}), in arrival order, with the key masked. */
final class RequestLog {

    /** Status of a request whose connection was dropped, or that is still being answered. */
    static final int NO_RESPONSE = 0;

    static final class Entry {
        private final String method;
        private final String path;
        private final String query;
        private final Map<String, List<String>> headers;
        private final Instant receivedAt;
        private volatile int status = NO_RESPONSE;

        private Entry(String method, String path, String query, Map<String, List<String>> headers, Instant receivedAt) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.receivedAt = receivedAt;
        }

        Instant receivedAt() {
            return receivedAt;
        }

        void answered(int status) {
            this.status = status;
        }

        RecordedRequest toRecord() {
            return new RecordedRequest(method, path, query, headers, status, receivedAt);
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private int limit = Integer.MAX_VALUE;

    /** From now on keeps only the newest {@code limit} requests: a long-running emulator's memory stays flat. */
    synchronized void keepLast(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the request log limit must not be negative: " + limit);
        }
        this.limit = limit;
        trim();
    }

    Entry arrived(Request request, Instant now) {
        Entry entry = new Entry(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                maskedHeaders(request), now);
        synchronized (this) {
            entries.addLast(entry);
            trim();
        }
        return entry;
    }

    /** The request's headers, the key in {@code Authorization} replaced by {@code ***}. */
    static Map<String, List<String>> maskedHeaders(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            String value = field.getHeader() == HttpHeader.AUTHORIZATION ? masked(field.getValue()) : field.getValue();
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }

    private static String masked(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? "Bearer ***" : "***";
    }

    synchronized List<RecordedRequest> snapshot() {
        return entries.stream().map(Entry::toRecord).toList();
    }

    synchronized void clear() {
        entries.clear();
    }

    private void trim() {
        while (entries.size() > limit) {
            entries.removeFirst();
        }
    }
}
