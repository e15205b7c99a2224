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
        ExchangeInputs inputs = new ExchangeInputs(message, configuration, search ? "search" : "listFiles");
        String searchText = inputs.text(ParadigmConstants.SEARCH, configuration.getSearch());
        if (search && searchText == null) {
            throw new ParadigmValidationException(inputs.operation(), "nothing to search for: set the search option "
                                                                      + "or the " + ParadigmConstants.SEARCH + " header");
        }
        return FileQuery.builder()
                .status(inputs.statuses())
                .statusVision(inputs.visionStatuses())
                .workspaceIds(inputs.workspaceFilter())
                .tagIds(inputs.tags(ParadigmConstants.FILTER_TAG_ID))
                .extension(inputs.text(ParadigmConstants.FILTER_EXTENSION, configuration.getExtension()))
                .filename(inputs.name(ParadigmConstants.FILTER_FILENAME, "filename", configuration.getFilename()))
                .title(inputs.name(ParadigmConstants.FILTER_TITLE, "title", configuration.getTitle()))
                .createdAtAfter(inputs.dateOrDateTime(ParadigmConstants.FILTER_CREATED_AT_AFTER, "createdAtAfter",
                        configuration.getCreatedAtAfter()))
                .createdAtBefore(inputs.dateOrDateTime(ParadigmConstants.FILTER_CREATED_AT_BEFORE, "createdAtBefore",
                        configuration.getCreatedAtBefore()))
                .updatedAtAfter(inputs.dateOrDateTime(ParadigmConstants.FILTER_UPDATED_AT_AFTER, "updatedAtAfter",
                        configuration.getUpdatedAtAfter()))
                .updatedAtBefore(inputs.dateOrDateTime(ParadigmConstants.FILTER_UPDATED_AT_BEFORE, "updatedAtBefore",
                        configuration.getUpdatedAtBefore()))
                .externalId(inputs.text(ParadigmConstants.FILTER_EXTERNAL_ID, configuration.getExternalId()))
                .docType(inputs.text(ParadigmConstants.FILTER_DOC_TYPE, configuration.getDocType()))
                .uploadSessionUuid(inputs.uploadSessionUuid(ParadigmConstants.FILTER_UPLOAD_SESSION_UUID))
                .totalPagesMin(inputs.totalPages(ParadigmConstants.FILTER_TOTAL_PAGES_MIN, "totalPagesMin",
                        configuration.getTotalPagesMin()))
                .totalPagesMax(inputs.totalPages(ParadigmConstants.FILTER_TOTAL_PAGES_MAX, "totalPagesMax",
                        configuration.getTotalPagesMax()))
                .ordering(inputs.ordering())
                .groupIds(inputs.groupIds())
                .includeDetails(configuration.isIncludeDetails())
                .searchDetails(search && configuration.isSearchDetails())
                .searchDetailsChunksLimit(search && configuration.isSearchDetails()
                        ? configuration.getSearchDetailsChunksLimit() : null)
                .pageSize(configuration.getPageSize())
                .maxDocuments(configuration.getMaxDocuments())
                .search(searchText)
                .build();
    }
}
