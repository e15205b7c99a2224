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
                .status(ParadigmValues.texts(ParadigmValues.headerOr(message, ParadigmConstants.FILTER_STATUS, configuration.getStatus())))
                .statusVision(ParadigmValues.texts(
                        ParadigmValues.headerOr(message, ParadigmConstants.FILTER_STATUS_VISION, configuration.getStatusVision())))
                .tagIds(ParadigmValues.tagIds(operation,
                        ParadigmValues.headerOr(message, ParadigmConstants.FILTER_TAG_ID, configuration.getTags())))
                .extension(ParadigmValues.textOr(message, ParadigmConstants.FILTER_EXTENSION, configuration.getExtension()))
                .filename(ParadigmValues.textOr(message, ParadigmConstants.FILTER_FILENAME, configuration.getFilename()))
                .title(ParadigmValues.textOr(message, ParadigmConstants.FILTER_TITLE, configuration.getTitle()))
                .createdAtAfter(ParadigmValues.textOr(message, ParadigmConstants.FILTER_CREATED_AT_AFTER, configuration.getCreatedAtAfter()))
                .createdAtBefore(ParadigmValues.textOr(message, ParadigmConstants.FILTER_CREATED_AT_BEFORE, configuration.getCreatedAtBefore()))
                .updatedAtAfter(ParadigmValues.textOr(message, ParadigmConstants.FILTER_UPDATED_AT_AFTER, configuration.getUpdatedAtAfter()))
                .updatedAtBefore(ParadigmValues.textOr(message, ParadigmConstants.FILTER_UPDATED_AT_BEFORE, configuration.getUpdatedAtBefore()))
                .externalId(ParadigmValues.textOr(message, ParadigmConstants.EXTERNAL_ID, configuration.getExternalId()))
                .docType(ParadigmValues.textOr(message, ParadigmConstants.DOC_TYPE, configuration.getDocType()))
                .uploadSessionUuid(ParadigmValues.textOr(message, ParadigmConstants.FILTER_UPLOAD_SESSION_UUID,
                        configuration.getUploadSessionUuid()))
                .totalPagesMin(integer(message, ParadigmConstants.FILTER_TOTAL_PAGES_MIN, configuration.getTotalPagesMin()))
                .totalPagesMax(integer(message, ParadigmConstants.FILTER_TOTAL_PAGES_MAX, configuration.getTotalPagesMax()))
                .ordering(ParadigmValues.textOr(message, ParadigmConstants.ORDERING, configuration.getOrdering()))
                .groupIds(ParadigmValues.ids(operation, "group",
                        ParadigmValues.headerOr(message, ParadigmConstants.FILTER_GROUP_ID, configuration.getGroupId())))
                .includeDetails(configuration.isIncludeDetails())
                .searchDetails(search && configuration.isSearchDetails())
                .searchDetailsChunksLimit(search && configuration.isSearchDetails()
                        ? configuration.getSearchDetailsChunksLimit() : null)
                .pageSize(configuration.getPageSize())
                .maxDocuments(configuration.getMaxDocuments());
        Long workspaceId = message.getHeader(ParadigmConstants.WORKSPACE_ID, Long.class);
        if (workspaceId == null) {
            workspaceId = configuration.getWorkspaceId();
        }
        if (workspaceId != null) {
            query.workspaceIds(java.util.List.of(workspaceId));
        }
        String searchText = ParadigmValues.textOr(message, ParadigmConstants.SEARCH, configuration.getSearch());
        if (search && searchText == null) {
            throw new ParadigmValidationException(operation, "nothing to search for: set the search option or the "
                                                             + ParadigmConstants.SEARCH + " header");
        }
        return query.search(searchText).build();
    }

    private static Integer integer(Message message, String header, Integer fallback) {
        Integer value = message.getHeader(header, Integer.class);
        return value != null ? value : fallback;
    }
}
