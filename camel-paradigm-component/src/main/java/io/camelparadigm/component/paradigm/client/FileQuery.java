package io.camelparadigm.component.paradigm.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of {@code GET /api/v3/files}, by their API names. Lists are sent comma-separated, as the API
 * documents. Build with {@link #builder()}; unset filters are not sent.
 */
public final class FileQuery {

    private final Map<String, String> parameters;

    private FileQuery(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Query parameters in API names, ready to be sent. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.parameters.putAll(parameters);
        return builder;
    }

    @Override
    public String toString() {
        return "FileQuery" + parameters;
    }

    public static final class Builder {
        private final Map<String, String> parameters = new LinkedHashMap<>();

        public Builder status(List<String> statuses) {
            return list("status", statuses);
        }

        public Builder statusVision(List<String> statuses) {
            return list("status_vision", statuses);
        }

        public Builder workspaceIds(List<Long> ids) {
            return list("workspace_id", ids);
        }

        public Builder tagIds(List<Long> ids) {
            return list("tag_id", ids);
        }

        public Builder extension(String extension) {
            return set("extension", extension);
        }

        public Builder filename(String partOfFilename) {
            return set("filename", partOfFilename);
        }

        public Builder title(String partOfTitle) {
            return set("title", partOfTitle);
        }

        public Builder createdAtAfter(String instantOrDate) {
            return set("created_at_after", instantOrDate);
        }

        public Builder createdAtBefore(String instantOrDate) {
            return set("created_at_before", instantOrDate);
        }

        public Builder updatedAtAfter(String instantOrDate) {
            return set("updated_at_after", instantOrDate);
        }

        public Builder updatedAtBefore(String instantOrDate) {
            return set("updated_at_before", instantOrDate);
        }

        public Builder externalId(String externalId) {
            return set("external_metadata__external_id", externalId);
        }

        public Builder docType(String partOfDocType) {
            return set("external_metadata__doc_type", partOfDocType);
        }

        public Builder uploadSessionUuid(String uuid) {
            return set("upload_session_uuid", uuid);
        }

        public Builder totalPagesMin(Integer min) {
            return set("total_pages_min", min == null ? null : min.toString());
        }

        public Builder totalPagesMax(Integer max) {
            return set("total_pages_max", max == null ? null : max.toString());
        }

        /** {@code created_at}, {@code title} or {@code filename}, {@code -} prefix for descending. */
        public Builder ordering(String ordering) {
            return set("ordering", ordering);
        }

        public Builder pageSize(Integer pageSize) {
            return set("page_size", pageSize == null ? null : pageSize.toString());
        }

        public Builder page(Integer page) {
            return set("page", page == null ? null : page.toString());
        }

        public Builder maxDocuments(Integer maxDocuments) {
            return set("max_documents", maxDocuments == null ? null : maxDocuments.toString());
        }

        public Builder search(String search) {
            return set("search", search);
        }

        /** Files shared with any of these groups. */
        public Builder groupIds(List<Long> ids) {
            return list("group_id", ids);
        }

        /** Each file also carries its {@code signature} (for duplicate detection) and {@code parser}. */
        public Builder includeDetails(boolean includeDetails) {
            return set("include_details", includeDetails ? "true" : null);
        }

        /** With a search: each file also carries its most relevant chunks in {@code search_details}. */
        public Builder searchDetails(boolean searchDetails) {
            return set("search_details", searchDetails ? "true" : null);
        }

        /** With searchDetails: at most this many chunks per file (the service allows 1 to 10; default 3). */
        public Builder searchDetailsChunksLimit(Integer limit) {
            return set("search_details_chunks_limit", limit == null ? null : limit.toString());
        }

        public Builder set(String apiName, String value) {
            if (value == null || value.isBlank()) {
                parameters.remove(apiName);
            } else {
                parameters.put(apiName, value);
            }
            return this;
        }

        private Builder list(String apiName, List<?> values) {
            if (values == null || values.isEmpty()) {
                return set(apiName, null);
            }
            List<String> texts = new ArrayList<>();
            values.forEach(v -> texts.add(String.valueOf(v)));
            return set(apiName, String.join(",", texts));
        }

        public FileQuery build() {
            return new FileQuery(parameters);
        }
    }
}
