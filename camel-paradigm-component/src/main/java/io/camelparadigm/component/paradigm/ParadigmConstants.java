package io.camelparadigm.component.paradigm;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the paradigm component. A header is either read or set by the component, never both, so what
 * one step reports never steers the next: headers set on results and events are named after the field they report
 * ({@code CamelParadigmFile*} where the same field is also an input), headers read are named after the option they
 * override, and only the {@code CamelParadigmFilter*} headers narrow a listing. The one exception is
 * {@link #FILE_ID}: set on every result and read by the operations on one existing file, so that
 * {@code from("paradigm:fileEvents").to("paradigm:getFile")} fetches the event's file.
 */
public final class ParadigmConstants {

    @Metadata(description = "The operation to perform; overrides the one in the URI.",
              javaType = "io.camelparadigm.component.paradigm.ParadigmOperations")
    public static final String OPERATION = "CamelParadigmOperation";

    // ---- describe the result

    @Metadata(description = "The id of the Paradigm file. Set by upload, getFile, addTags, updateFile and fileEvents; "
                            + "read by addTags, getFile, updateFile, deleteFile and removeTag (overrides the fileId "
                            + "option): the only header both set and read.",
              javaType = "Long")
    public static final String FILE_ID = "CamelParadigmFileId";
    @Metadata(description = "The file's processing status (pending, parsing, embedding, embedded, "
                                                + "parsing_failed, embedding_failed, fail, ...).",
              javaType = "String")
    public static final String STATUS = "CamelParadigmStatus";
    @Metadata(description = "The file's vision processing status.", javaType = "String")
    public static final String STATUS_VISION = "CamelParadigmStatusVision";
    @Metadata(description = "Why processing failed, when it failed.", javaType = "String")
    public static final String STATUS_DETAIL = "CamelParadigmStatusDetail";
    @Metadata(description = "The upload session the file belongs to.", javaType = "String")
    public static final String UPLOAD_SESSION_UUID = "CamelParadigmUploadSessionUuid";
    @Metadata(description = "The file's external_metadata.external_id, when it has one (set by upload, getFile, addTags "
                            + "and fileEvents). Never read: an upload takes CamelParadigmExternalId, a listing "
                            + "CamelParadigmFilterExternalId.",
              javaType = "String")
    public static final String FILE_EXTERNAL_ID = "CamelParadigmFileExternalId";
    @Metadata(description = "The workspace of the file (set by upload, getFile, addTags and fileEvents). Never read: an "
                            + "upload takes CamelParadigmWorkspaceId, a listing CamelParadigmFilterWorkspaceId.",
              javaType = "Long")
    public static final String FILE_WORKSPACE_ID = "CamelParadigmFileWorkspaceId";

    // ---- consumers (fileEvents, sessionEvents)

    @Metadata(label = "consumer",
              description = "fileEvents: the status the consumer last delivered for this file; absent the first time "
                            + "the consumer sees the file.",
              javaType = "String")
    public static final String PREVIOUS_STATUS = "CamelParadigmPreviousStatus";
    @Metadata(label = "consumer",
              description = "fileEvents: true when the new status is final (embedded, parsed, parsing_failed, "
                            + "embedding_failed, fail).",
              javaType = "Boolean")
    public static final String TERMINAL = "CamelParadigmTerminal";
    @Metadata(label = "consumer",
              description = "sessionEvents: the rolled-up status of the upload session: COMPLETED, PARTIAL, FAILED or "
                            + "PROCESSING.",
              javaType = "String")
    public static final String SESSION_STATUS = "CamelParadigmSessionStatus";
    @Metadata(label = "producer", description = "The server's message about the upload.", javaType = "String")
    public static final String MESSAGE = "CamelParadigmMessage";
    @Metadata(label = "producer",
              description = "False when the document was stored but its tags were not applied (HTTP 207); the message "
                            + "header says why.",
              javaType = "Boolean")
    public static final String TAGS_APPLIED = "CamelParadigmTagsApplied";
    @Metadata(label = "producer",
              description = "True when upload sent nothing: onExisting=skip found the external id already in "
                            + "Paradigm, or onExisting=replace found it with the same content (see "
                            + "CamelParadigmUploadOutcome).",
              javaType = "Boolean")
    public static final String SKIPPED = "CamelParadigmSkipped";
    @Metadata(label = "producer",
              description = "listFiles/search: the total number of files matching the query; listTags: the number of "
                            + "tags; deleteFile/bulkDelete: how many files this exchange deleted; removeTag: how many "
                            + "tags it removed.",
              javaType = "Long")
    public static final String COUNT = "CamelParadigmCount";
    @Metadata(label = "producer",
              description = "upload: what happened to the document: created (uploaded as a new document), replaced "
                            + "(onExisting=replace: its content changed and was replaced in place), unchanged "
                            + "(onExisting=replace: same content, nothing sent) or skipped (onExisting=skip: it "
                            + "exists, nothing sent).",
              javaType = "String", enums = "created,replaced,unchanged,skipped")
    public static final String UPLOAD_OUTCOME = "CamelParadigmUploadOutcome";
    @Metadata(label = "producer",
              description = "upload with onExisting=replace: the version of the content as the source knows it (a "
                            + "hash, an ETag, a cTag); when set it is compared with the version stored with the "
                            + "document instead of a SHA-256 of the body, so an unchanged document is not even read. "
                            + "The version stored is in the document's additional_metadata.content_hash.",
              javaType = "String")
    public static final String CONTENT_HASH = "CamelParadigmContentHash";
    @Metadata(label = "producer",
              description = "deleteFile, bulkDelete, removeTag: true when this exchange removed everything asked; "
                            + "false when some of it was already gone (then the body lists only what was removed).",
              javaType = "Boolean")
    public static final String DELETED = "CamelParadigmDeleted";
    @Metadata(label = "producer",
              description = "bulkDelete: the ids of the files to delete, as a List, an array or comma-separated text; "
                            + "default: the message body.",
              javaType = "Object")
    public static final String FILE_IDS = "CamelParadigmFileIds";

    // ---- upload inputs

    @Metadata(label = "producer",
              description = "upload: the workspace to upload to; overrides the workspaceId option. Listings take "
                            + "CamelParadigmFilterWorkspaceId.",
              javaType = "Long")
    public static final String WORKSPACE_ID = "CamelParadigmWorkspaceId";
    @Metadata(label = "producer", description = "upload and updateFile: the document's title.", javaType = "String")
    public static final String TITLE = "CamelParadigmTitle";
    @Metadata(label = "producer",
              description = "upload and updateFile: the filename sent with the content (default: CamelFileName, then "
                            + "the file's name).",
              javaType = "String")
    public static final String FILENAME = "CamelParadigmFilename";
    @Metadata(label = "producer", description = "upload: the ingestion pipeline (e.g. v2.2.1).", javaType = "String")
    public static final String PARSER = "CamelParadigmParser";
    @Metadata(label = "producer",
              description = "upload/addTags: tag ids to apply; updateFile: every tag the file will carry (replacing "
                            + "its tags); removeTag: the tags to take off. A List, an array or a comma-separated "
                            + "String.",
              javaType = "Object")
    public static final String TAGS = "CamelParadigmTags";
    @Metadata(label = "producer",
              description = "upload: the whole external_metadata, as a Map, an ExternalMetadata record or JSON text; "
                            + "must hold external_id.",
              javaType = "Object")
    public static final String EXTERNAL_METADATA = "CamelParadigmExternalMetadata";
    @Metadata(label = "producer",
              description = "upload: external_metadata.external_id, the id of the document in its source system; "
                            + "updateFile, deleteFile, removeTag: finds the document when no file id is given. "
                            + "Overrides the externalId option. Never set by the component (results and events carry "
                            + "CamelParadigmFileExternalId); listings take CamelParadigmFilterExternalId.",
              javaType = "String")
    public static final String EXTERNAL_ID = "CamelParadigmExternalId";
    @Metadata(label = "producer",
              description = "upload: external_metadata.doc_type; overrides the docType option. Listings take "
                            + "CamelParadigmFilterDocType.",
              javaType = "String")
    public static final String DOC_TYPE = "CamelParadigmDocType";
    @Metadata(label = "producer", description = "upload: external_metadata.additional_metadata, as a Map or JSON text.",
              javaType = "Object")
    public static final String ADDITIONAL_METADATA = "CamelParadigmAdditionalMetadata";
    @Metadata(label = "producer", description = "upload: additional_metadata.external_url.", javaType = "String")
    public static final String EXTERNAL_URL = "CamelParadigmExternalUrl";
    @Metadata(label = "producer", description = "upload: additional_metadata.external_full_path.", javaType = "String")
    public static final String EXTERNAL_FULL_PATH = "CamelParadigmExternalFullPath";

    // ---- listFiles / search filters (each overrides the option of the same name)

    @Metadata(label = "producer", description = "Filter: statuses, comma-separated or a List.", javaType = "Object")
    public static final String FILTER_STATUS = "CamelParadigmFilterStatus";
    @Metadata(label = "producer", description = "Filter: vision statuses, comma-separated or a List.", javaType = "Object")
    public static final String FILTER_STATUS_VISION = "CamelParadigmFilterStatusVision";
    @Metadata(label = "producer",
              description = "Filter: workspace ids, comma-separated or a List; overrides the workspaceIds and "
                            + "workspaceId options for listFiles and search.",
              javaType = "Object")
    public static final String FILTER_WORKSPACE_ID = "CamelParadigmFilterWorkspaceId";
    @Metadata(label = "producer", description = "Filter: tag ids, comma-separated or a List.", javaType = "Object")
    public static final String FILTER_TAG_ID = "CamelParadigmFilterTagId";
    @Metadata(label = "producer", description = "Filter: exactly this external id (external_metadata.external_id); "
                                                + "overrides the externalId option.",
              javaType = "String")
    public static final String FILTER_EXTERNAL_ID = "CamelParadigmFilterExternalId";
    @Metadata(label = "producer", description = "Filter: part of the doc type (external_metadata.doc_type); overrides the "
                                                + "docType option.",
              javaType = "String")
    public static final String FILTER_DOC_TYPE = "CamelParadigmFilterDocType";
    @Metadata(label = "producer", description = "Filter: file extension.", javaType = "String")
    public static final String FILTER_EXTENSION = "CamelParadigmFilterExtension";
    @Metadata(label = "producer", description = "Filter: part of the filename.", javaType = "String")
    public static final String FILTER_FILENAME = "CamelParadigmFilterFilename";
    @Metadata(label = "producer", description = "Filter: part of the title.", javaType = "String")
    public static final String FILTER_TITLE = "CamelParadigmFilterTitle";
    @Metadata(label = "producer", description = "Filter: created at or after (ISO-8601 instant or date).", javaType = "String")
    public static final String FILTER_CREATED_AT_AFTER = "CamelParadigmFilterCreatedAtAfter";
    @Metadata(label = "producer", description = "Filter: created at or before (ISO-8601 instant or date).", javaType = "String")
    public static final String FILTER_CREATED_AT_BEFORE = "CamelParadigmFilterCreatedAtBefore";
    @Metadata(label = "producer", description = "Filter: updated at or after (ISO-8601 instant or date).", javaType = "String")
    public static final String FILTER_UPDATED_AT_AFTER = "CamelParadigmFilterUpdatedAtAfter";
    @Metadata(label = "producer", description = "Filter: updated at or before (ISO-8601 instant or date).", javaType = "String")
    public static final String FILTER_UPDATED_AT_BEFORE = "CamelParadigmFilterUpdatedAtBefore";
    @Metadata(label = "producer", description = "Filter: upload session uuid.", javaType = "String")
    public static final String FILTER_UPLOAD_SESSION_UUID = "CamelParadigmFilterUploadSessionUuid";
    @Metadata(label = "producer", description = "Filter: at least this many pages.", javaType = "Integer")
    public static final String FILTER_TOTAL_PAGES_MIN = "CamelParadigmFilterTotalPagesMin";
    @Metadata(label = "producer", description = "Filter: at most this many pages.", javaType = "Integer")
    public static final String FILTER_TOTAL_PAGES_MAX = "CamelParadigmFilterTotalPagesMax";
    @Metadata(label = "producer", description = "Filter: group ids, comma-separated or a List.", javaType = "Object")
    public static final String FILTER_GROUP_ID = "CamelParadigmFilterGroupId";
    @Metadata(label = "producer", description = "Ordering: created_at, title or filename, '-' prefix for descending.",
              javaType = "String")
    public static final String ORDERING = "CamelParadigmOrdering";
    @Metadata(label = "producer", description = "search: the search text.", javaType = "String")
    public static final String SEARCH = "CamelParadigmSearch";

    private ParadigmConstants() {
    }
}
