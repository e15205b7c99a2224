package io.camelparadigm.component.paradigm;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options shared by the component and its endpoints; each endpoint works on its own copy. */
@UriParams
public class ParadigmConfiguration implements Cloneable {

    public static final String DEFAULT_BASE_URL = "https://paradigm.lighton.ai";
    public static final long DEFAULT_MAX_FILE_SIZE = 25L * 1024 * 1024;

    @UriParam(defaultValue = DEFAULT_BASE_URL,
              description = "The Paradigm instance, e.g. https://paradigm.lighton.ai (without /api/v3).")
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "security", secret = true,
              description = "The Paradigm API key (Authorization: Bearer). Required: set it here, on the component, "
                            + "as a property placeholder such as {{paradigm.apiKey}}, or in the PARADIGM_API_KEY "
                            + "environment variable.")
    private String apiKey;
    @UriParam(description = "The workspace to upload to; for listFiles and search, a filter. The "
                            + "CamelParadigmWorkspaceId header overrides it for upload, CamelParadigmFilterWorkspaceId "
                            + "for listFiles and search.")
    private Long workspaceId;
    @UriParam(label = "filter",
              description = "listFiles, search and the consumers: only files of these workspaces, comma-separated "
                            + "(e.g. 1,2,3); takes precedence over workspaceId as the filter. The "
                            + "CamelParadigmFilterWorkspaceId header overrides it.")
    private String workspaceIds;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long to wait for an answer before a request fails.")
    private long responseTimeout = 60_000;

    // ---- retries and concurrency (see RetryPolicy and ConcurrencyGate)

    @UriParam(label = "advanced,retry", defaultValue = "5",
              description = "How many times a failed request is sent again: 429 and 503 after their Retry-After; 502, "
                            + "504 and broken connections after an exponential backoff, except a lone 502 or lost "
                            + "answer among successes, tried again at once. An upload is re-sent only "
                            + "when that cannot store a second copy: with an external id, after a lost answer the "
                            + "external id is looked up first; without one, only when the request surely did not "
                            + "reach the service (connection refused, 429, 503). A one-shot InputStream body is never "
                            + "re-sent. 0 disables retries.")
    private int maxRetries = 5;
    @UriParam(label = "advanced,retry", defaultValue = "500", javaType = "java.time.Duration",
              description = "The first retry's backoff; it doubles on each retry up to retryMaxDelay, each delay "
                            + "drawn between half and all of its value.")
    private long retryInitialDelay = 500;
    @UriParam(label = "advanced,retry", defaultValue = "30000", javaType = "java.time.Duration",
              description = "The longest backoff between two tries.")
    private long retryMaxDelay = 30_000;
    @UriParam(label = "advanced,retry", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest Retry-After honoured: when the service asks to wait longer, the exchange "
                            + "fails at once saying so, instead of looking like a hang.")
    private long maxRetryAfter = 60_000;
    @UriParam(label = "advanced", defaultValue = "true",
              description = "Make this endpoint's requests wait for a slot under its API key's limit of requests in "
                            + "flight, which every endpoint of the key shares and which adapts to the service: it "
                            + "shrinks on each 429 for too many uploads in flight and grows back while requests "
                            + "succeed (AIMD). The key's rate limit applies either way.")
    private boolean adaptiveConcurrency = true;
    @UriParam(label = "advanced", defaultValue = "10",
              description = "With adaptiveConcurrency: the requests in flight allowed at first (set by the first "
                            + "endpoint of a key; set it on the component).")
    private int initialConcurrency = 10;
    @UriParam(label = "advanced", defaultValue = "50",
              description = "With adaptiveConcurrency: the most requests in flight ever allowed (keep it at most the "
                            + "component's maxConnections).")
    private int maxConcurrency = 50;

    // ---- upload

    @UriParam(label = "producer", description = "upload: the document's title (default: the filename without extension); "
                                                + "updateFile: the new title; listFiles: partial-match filter on the "
                                                + "title.")
    private String title;
    @UriParam(label = "producer",
              description = "upload and updateFile: the filename sent with the content (default: the CamelFileName "
                            + "header, then the file's own name); listFiles: partial-match filter on the filename.")
    private String filename;
    @UriParam(label = "producer", description = "upload: the ingestion pipeline (e.g. v2.2.1); default: automatic.")
    private String parser;
    @UriParam(label = "producer",
              description = "upload and addTags: tag ids to apply, comma-separated (e.g. 1,2); updateFile: every tag "
                            + "the file will carry (its other tags are taken off); removeTag: the tags to take off; "
                            + "listFiles: filter by these tag ids. The CamelParadigmTags header overrides it for "
                            + "upload, addTags, updateFile and removeTag, CamelParadigmFilterTagId for listFiles.")
    private String tags;
    @UriParam(label = "producer",
              description = "upload: external_metadata.external_id, the id of the document in its source system; "
                            + "updateFile, deleteFile and removeTag: finds the document when no file id is given; "
                            + "listFiles: exact-match filter. The CamelParadigmExternalId header overrides it for "
                            + "upload, updateFile, deleteFile and removeTag, CamelParadigmFilterExternalId for "
                            + "listFiles.")
    private String externalId;
    @UriParam(label = "producer",
              description = "upload: external_metadata.doc_type; listFiles: partial-match filter. The "
                            + "CamelParadigmDocType header overrides it for upload, CamelParadigmFilterDocType for "
                            + "listFiles.")
    private String docType;
    @UriParam(label = "producer", defaultValue = "false",
              description = "upload: fail the exchange when the document was stored but some tags were not applied "
                            + "(HTTP 207). By default the exchange succeeds with CamelParadigmTagsApplied=false.")
    private boolean failOnTagError;
    @UriParam(label = "producer", defaultValue = "26214400",
              description = "upload: largest file accepted, in bytes, checked before sending (the service's default "
                            + "limit is 25 MB; raise it if your instance's MAX_DOCUMENT_SIZE is larger).")
    private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
    @UriParam(label = "producer", defaultValue = "upload",
              description = "upload: what to do when a document with the same external id already exists: upload "
                            + "anyway, skip (body = the existing document, CamelParadigmSkipped=true), fail, or replace "
                            + "its content in place when it changed (compared by the content_hash kept in its "
                            + "additional_metadata; CamelParadigmUploadOutcome says created, replaced or unchanged). "
                            + "skip, fail and replace look the external id up first; replace needs one.")
    private OnExisting onExisting = OnExisting.upload;
    @UriParam(label = "producer", defaultValue = "false",
              description = "upload: after uploading, poll the document until it is processed; the body is then the "
                            + "final document, and a failed status raises ParadigmProcessingFailedException.")
    private boolean waitForCompletion;
    @UriParam(label = "producer", defaultValue = "600000", javaType = "java.time.Duration",
              description = "upload with waitForCompletion: how long to wait before ParadigmCompletionTimeoutException.")
    private long completionTimeout = 600_000;
    @UriParam(label = "producer", defaultValue = "2000", javaType = "java.time.Duration",
              description = "upload with waitForCompletion: time between two status checks.")
    private long completionPollInterval = 2_000;

    // ---- addTags / getFile

    @UriParam(label = "producer",
              description = "addTags, getFile, updateFile, deleteFile and removeTag: the file id; the "
                            + "CamelParadigmFileId header overrides it.")
    private Long fileId;
    @UriParam(label = "producer", defaultValue = "false",
              description = "deleteFile, bulkDelete and removeTag: fail when the file (or the tag on it) is already "
                            + "gone: a ParadigmApiException with HTTP 404 (a ParadigmDocumentNotFoundException for an "
                            + "external id). By default deleting what is absent succeeds with CamelParadigmDeleted="
                            + "false, so a delete can be repeated safely.")
    private boolean failIfAbsent;
    @UriParam(label = "producer", defaultValue = "false", description = "getFile: include the parsed text in content.")
    private boolean includeContent;

    // ---- listFiles / search

    @UriParam(label = "producer,filter", description = "listFiles: statuses to match, comma-separated.")
    private String status;
    @UriParam(label = "producer,filter", description = "listFiles: vision statuses to match, comma-separated.")
    private String statusVision;
    @UriParam(label = "producer,filter", description = "listFiles: extension to match (e.g. pdf).")
    private String extension;
    @UriParam(label = "producer,filter", description = "listFiles: created at or after (ISO-8601 instant or date).")
    private String createdAtAfter;
    @UriParam(label = "producer,filter", description = "listFiles: created at or before (ISO-8601 instant or date).")
    private String createdAtBefore;
    @UriParam(label = "producer,filter", description = "listFiles: updated at or after (ISO-8601 instant or date).")
    private String updatedAtAfter;
    @UriParam(label = "producer,filter", description = "listFiles: updated at or before (ISO-8601 instant or date).")
    private String updatedAtBefore;
    @UriParam(label = "producer,filter", description = "listFiles: the upload session uuid to match.")
    private String uploadSessionUuid;
    @UriParam(label = "producer,filter", description = "listFiles: at least this many pages.")
    private Integer totalPagesMin;
    @UriParam(label = "producer,filter", description = "listFiles: at most this many pages.")
    private Integer totalPagesMax;
    @UriParam(label = "producer", description = "listFiles and search: the search text (required for search).")
    private String search;
    @UriParam(label = "producer", enums = "created_at,-created_at,title,-title,filename,-filename",
              description = "listFiles: created_at, title or filename; '-' prefix for descending. Default: the "
                            + "service's (-created_at).")
    private String ordering;
    @UriParam(label = "producer", defaultValue = "100", description = "listFiles: files per page requested.")
    private int pageSize = 100;
    @UriParam(label = "producer", defaultValue = "0",
              description = "listFiles: stop after this many files; 0 for all (every page is followed).")
    private long maxResults;
    @UriParam(label = "producer",
              description = "search: max_documents, how many documents the service considers (1-500).")
    private Integer maxDocuments;
    @UriParam(label = "producer", defaultValue = "false",
              description = "listFiles and search: the body is an Iterator that fetches the next page only when "
                            + "needed, so split(body()).streaming() walks any number of files in bounded memory. "
                            + "Otherwise the body is a List of every file.")
    private boolean streamResults;
    @UriParam(label = "producer,filter",
              description = "listFiles: group ids to match (files shared with any of them), comma-separated.")
    private String groupId;
    @UriParam(label = "producer", defaultValue = "false",
              description = "listFiles and search: each file also carries its signature (for duplicate detection) "
                            + "and its parser.")
    private boolean includeDetails;
    @UriParam(label = "producer", defaultValue = "false",
              description = "search: each file also carries its most relevant chunks (searchDetails of the file).")
    private boolean searchDetails;
    @UriParam(label = "producer",
              description = "search with searchDetails: at most this many chunks per file (1-10; the service's "
                            + "default is 3).")
    private Integer searchDetailsChunksLimit;

    // ---- consumers: fileEvents, sessionEvents (filters: workspaceId, uploadSessionUuid, tags, docType, extension)

    @UriParam(label = "consumer",
              description = "fileEvents: emit only changes to these statuses, comma-separated (e.g. embedded,fail); "
                            + "other changes are still tracked, not emitted. Default: every status.")
    private String statuses;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "fileEvents: emit only changes to a final status (embedded, parsed, parsing_failed, "
                            + "embedding_failed, fail).")
    private boolean terminalOnly;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "fileEvents: a change of status_vision alone is a change too (CamelParadigmPreviousStatus "
                            + "then equals the status).")
    private boolean includeStatusVisionChanges;
    @UriParam(label = "consumer", defaultValue = "now",
              description = "Where a consumer with no stored state starts: all (the current state of every matching "
                            + "file, each as a first sight), now (changes from the consumer's first start on, by the "
                            + "service's clock) or an ISO-8601 instant such as 2025-01-01T00:00:00Z (files changed "
                            + "since then, by the service's clock). Ignored once the state repository holds a "
                            + "position.")
    private String startFrom = "now";
    @UriParam(label = "consumer", defaultValue = "2000", javaType = "java.time.Duration",
              description = "How far behind the service's clock (the Date of its answers) the consumer lists changes: "
                            + "it must cover the difference between that clock and the one that stamps updated_at, and "
                            + "how long a change may take to be committed after it was stamped. It delays events by "
                            + "that much; it costs no requests.")
    private long overlap = 2_000;
    @UriParam(label = "consumer", defaultValue = "1000",
              description = "At most this many exchanges per poll (one batch, with Camel's batch properties); a longer "
                            + "listing continues at once in the next poll, from where it stopped. Bounds the memory "
                            + "of a large first start (startFrom=all). 0 or less: no limit.")
    private int maxMessagesPerPoll = 1_000;
    @UriParam(label = "consumer",
              description = "Where the consumer keeps its position (e.g. a FileStateRepository, to survive restarts, "
                            + "or one shared by instances behind master:). Default: in memory.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer",
              description = "The key of this consumer's state in the stateRepository. Default: made of the "
                            + "operation, baseUrl, the filters and the selection (statuses, terminalOnly, "
                            + "includeStatusVisionChanges, quietPeriod), so consumers that differ in any of them "
                            + "keep separate states in one repository.")
    private String stateKey;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "sessionEvents: also emit PROCESSING summaries, at most one per session and poll, when "
                            + "files of a session changed but not all are final.")
    private boolean emitProgress;
    @UriParam(label = "consumer", defaultValue = "0", javaType = "java.time.Duration",
              description = "sessionEvents: a session whose files are all final is emitted only after it has kept "
                            + "the same number of files for this long (no more uploads expected). 0: at once.")
    private long quietPeriod;

    public ParadigmConfiguration copy() {
        try {
            return (ParadigmConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    /**
     * The workspaces listings and consumers are limited to: workspaceIds, else workspaceId; empty for every workspace.
     * The endpoint checked both when it was created.
     */
    public List<Long> workspaceFilter() {
        if (workspaceIds != null && !workspaceIds.isBlank()) {
            return Arrays.stream(workspaceIds.split(",")).map(String::trim).filter(id -> !id.isEmpty())
                    .map(Long::valueOf).toList();
        }
        return workspaceId == null ? List.of() : List.of(workspaceId);
    }

    public String getWorkspaceIds() {
        return workspaceIds;
    }

    public void setWorkspaceIds(String workspaceIds) {
        this.workspaceIds = workspaceIds;
    }

    public Long getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(Long workspaceId) {
        this.workspaceId = workspaceId;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(long retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public long getMaxRetryAfter() {
        return maxRetryAfter;
    }

    public void setMaxRetryAfter(long maxRetryAfter) {
        this.maxRetryAfter = maxRetryAfter;
    }

    public boolean isAdaptiveConcurrency() {
        return adaptiveConcurrency;
    }

    public void setAdaptiveConcurrency(boolean adaptiveConcurrency) {
        this.adaptiveConcurrency = adaptiveConcurrency;
    }

    public int getInitialConcurrency() {
        return initialConcurrency;
    }

    public void setInitialConcurrency(int initialConcurrency) {
        this.initialConcurrency = initialConcurrency;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getParser() {
        return parser;
    }

    public void setParser(String parser) {
        this.parser = parser;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getDocType() {
        return docType;
    }

    public void setDocType(String docType) {
        this.docType = docType;
    }

    public boolean isFailOnTagError() {
        return failOnTagError;
    }

    public void setFailOnTagError(boolean failOnTagError) {
        this.failOnTagError = failOnTagError;
    }

    public long getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public OnExisting getOnExisting() {
        return onExisting;
    }

    public void setOnExisting(OnExisting onExisting) {
        this.onExisting = onExisting;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getCompletionTimeout() {
        return completionTimeout;
    }

    public void setCompletionTimeout(long completionTimeout) {
        this.completionTimeout = completionTimeout;
    }

    public long getCompletionPollInterval() {
        return completionPollInterval;
    }

    public void setCompletionPollInterval(long completionPollInterval) {
        this.completionPollInterval = completionPollInterval;
    }

    public Long getFileId() {
        return fileId;
    }

    public void setFileId(Long fileId) {
        this.fileId = fileId;
    }

    public boolean isFailIfAbsent() {
        return failIfAbsent;
    }

    public void setFailIfAbsent(boolean failIfAbsent) {
        this.failIfAbsent = failIfAbsent;
    }

    public boolean isIncludeContent() {
        return includeContent;
    }

    public void setIncludeContent(boolean includeContent) {
        this.includeContent = includeContent;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getStatusVision() {
        return statusVision;
    }

    public void setStatusVision(String statusVision) {
        this.statusVision = statusVision;
    }

    public String getExtension() {
        return extension;
    }

    public void setExtension(String extension) {
        this.extension = extension;
    }

    public String getCreatedAtAfter() {
        return createdAtAfter;
    }

    public void setCreatedAtAfter(String createdAtAfter) {
        this.createdAtAfter = createdAtAfter;
    }

    public String getCreatedAtBefore() {
        return createdAtBefore;
    }

    public void setCreatedAtBefore(String createdAtBefore) {
        this.createdAtBefore = createdAtBefore;
    }

    public String getUpdatedAtAfter() {
        return updatedAtAfter;
    }

    public void setUpdatedAtAfter(String updatedAtAfter) {
        this.updatedAtAfter = updatedAtAfter;
    }

    public String getUpdatedAtBefore() {
        return updatedAtBefore;
    }

    public void setUpdatedAtBefore(String updatedAtBefore) {
        this.updatedAtBefore = updatedAtBefore;
    }

    public String getUploadSessionUuid() {
        return uploadSessionUuid;
    }

    public void setUploadSessionUuid(String uploadSessionUuid) {
        this.uploadSessionUuid = uploadSessionUuid;
    }

    public Integer getTotalPagesMin() {
        return totalPagesMin;
    }

    public void setTotalPagesMin(Integer totalPagesMin) {
        this.totalPagesMin = totalPagesMin;
    }

    public Integer getTotalPagesMax() {
        return totalPagesMax;
    }

    public void setTotalPagesMax(Integer totalPagesMax) {
        this.totalPagesMax = totalPagesMax;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getOrdering() {
        return ordering;
    }

    public void setOrdering(String ordering) {
        this.ordering = ordering;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public long getMaxResults() {
        return maxResults;
    }

    public void setMaxResults(long maxResults) {
        this.maxResults = maxResults;
    }

    public Integer getMaxDocuments() {
        return maxDocuments;
    }

    public void setMaxDocuments(Integer maxDocuments) {
        this.maxDocuments = maxDocuments;
    }

    public boolean isStreamResults() {
        return streamResults;
    }

    public void setStreamResults(boolean streamResults) {
        this.streamResults = streamResults;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public boolean isIncludeDetails() {
        return includeDetails;
    }

    public void setIncludeDetails(boolean includeDetails) {
        this.includeDetails = includeDetails;
    }

    public boolean isSearchDetails() {
        return searchDetails;
    }

    public void setSearchDetails(boolean searchDetails) {
        this.searchDetails = searchDetails;
    }

    public Integer getSearchDetailsChunksLimit() {
        return searchDetailsChunksLimit;
    }

    public void setSearchDetailsChunksLimit(Integer searchDetailsChunksLimit) {
        this.searchDetailsChunksLimit = searchDetailsChunksLimit;
    }

    public String getStatuses() {
        return statuses;
    }

    public void setStatuses(String statuses) {
        this.statuses = statuses;
    }

    public boolean isTerminalOnly() {
        return terminalOnly;
    }

    public void setTerminalOnly(boolean terminalOnly) {
        this.terminalOnly = terminalOnly;
    }

    public boolean isIncludeStatusVisionChanges() {
        return includeStatusVisionChanges;
    }

    public void setIncludeStatusVisionChanges(boolean includeStatusVisionChanges) {
        this.includeStatusVisionChanges = includeStatusVisionChanges;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public long getOverlap() {
        return overlap;
    }

    public void setOverlap(long overlap) {
        this.overlap = overlap;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public boolean isEmitProgress() {
        return emitProgress;
    }

    public void setEmitProgress(boolean emitProgress) {
        this.emitProgress = emitProgress;
    }

    public long getQuietPeriod() {
        return quietPeriod;
    }

    public void setQuietPeriod(long quietPeriod) {
        this.quietPeriod = quietPeriod;
    }
}
