package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.apache.camel.Message;

/** Builds a listFiles/search query from the endpoint's filter options, each overridden by its header. */
final class FileQueryFactory {

    private final ParadigmConfiguration configuration;

    FileQueryFactory(ParadigmConfiguration configuration) {
        this.configuration = configuration;
    }

    FileQuery create(Message message, boolean search) {
        String operation = search ? "search" : "listFiles";
        FileQuery.Builder query = FileQuery.builder()
                .status(ParadigmValues.texts(value(message, ParadigmConstants.FILTER_STATUS, configuration.getStatus())))
                .statusVision(ParadigmValues.texts(
                        value(message, ParadigmConstants.FILTER_STATUS_VISION, configuration.getStatusVision())))
                .tagIds(ParadigmValues.tagIds(operation,
                        value(message, ParadigmConstants.FILTER_TAG_ID, configuration.getTags())))
                .extension(text(message, ParadigmConstants.FILTER_EXTENSION, configuration.getExtension()))
                .filename(text(message, ParadigmConstants.FILTER_FILENAME, configuration.getFilename()))
                .title(text(message, ParadigmConstants.FILTER_TITLE, configuration.getTitle()))
                .createdAtAfter(text(message, ParadigmConstants.FILTER_CREATED_AT_AFTER, configuration.getCreatedAtAfter()))
                .createdAtBefore(text(message, ParadigmConstants.FILTER_CREATED_AT_BEFORE, configuration.getCreatedAtBefore()))
                .updatedAtAfter(text(message, ParadigmConstants.FILTER_UPDATED_AT_AFTER, configuration.getUpdatedAtAfter()))
                .updatedAtBefore(text(message, ParadigmConstants.FILTER_UPDATED_AT_BEFORE, configuration.getUpdatedAtBefore()))
                .externalId(text(message, ParadigmConstants.EXTERNAL_ID, configuration.getExternalId()))
                .docType(text(message, ParadigmConstants.DOC_TYPE, configuration.getDocType()))
                .uploadSessionUuid(text(message, ParadigmConstants.FILTER_UPLOAD_SESSION_UUID,
                        configuration.getUploadSessionUuid()))
                .totalPagesMin(integer(message, ParadigmConstants.FILTER_TOTAL_PAGES_MIN, configuration.getTotalPagesMin()))
                .totalPagesMax(integer(message, ParadigmConstants.FILTER_TOTAL_PAGES_MAX, configuration.getTotalPagesMax()))
                .ordering(text(message, ParadigmConstants.ORDERING, configuration.getOrdering()))
                .pageSize(configuration.getPageSize())
                .maxDocuments(configuration.getMaxDocuments());
        Long workspaceId = message.getHeader(ParadigmConstants.WORKSPACE_ID, Long.class);
        if (workspaceId == null) {
            workspaceId = configuration.getWorkspaceId();
        }
        if (workspaceId != null) {
            query.workspaceIds(java.util.List.of(workspaceId));
        }
        String searchText = text(message, ParadigmConstants.SEARCH, configuration.getSearch());
        if (search && searchText == null) {
            throw new ParadigmValidationException(operation, "nothing to search for: set the search option or the "
                                                             + ParadigmConstants.SEARCH + " header");
        }
        return query.search(searchText).build();
    }

    private static Object value(Message message, String header, Object fallback) {
        Object value = message.getHeader(header);
        return value != null ? value : fallback;
    }

    private static String text(Message message, String header, String fallback) {
        String value = message.getHeader(header, String.class);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static Integer integer(Message message, String header, Integer fallback) {
        Integer value = message.getHeader(header, Integer.class);
        return value != null ? value : fallback;
    }
}
