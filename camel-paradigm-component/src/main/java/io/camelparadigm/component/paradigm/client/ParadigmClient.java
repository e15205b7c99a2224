package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelparadigm.component.paradigm.model.Page;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.Tag;
import io.camelparadigm.component.paradigm.model.TagDefinition;
import io.camelparadigm.component.paradigm.model.Workspace;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPatch;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FormBodyPart;
import org.apache.hc.client5.http.entity.mime.FormBodyPartBuilder;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Paradigm v3 API: one method per call, records in, records out. Knows nothing of Camel. Does not own the
 * HTTP client it is given (the component pools one and closes it).
 */
public class ParadigmClient {

    static final String FILES = "/api/v3/files";
    static final String WORKSPACES = "/api/v3/workspaces";
    static final String TAGS = "/api/v3/tags";
    /** What a request that answers nothing (204) is taken to have answered, once it is known to have taken effect. */
    private static final Response NO_CONTENT = new Response(204, "No Content", new byte[0], null, null);
    private static final int QUOTED_BODY_LENGTH = 200;
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);
    /** Without HttpCore's default charset=ISO-8859-1, which Django would decode every field and name with. */
    private static final ContentType FORM_DATA = ContentType.create("multipart/form-data");

    private final CloseableHttpClient http;
    private final URI baseUri;
    /** The upload URI, built once: uploads are the hot path. */
    private final URI filesUri;
    private final String apiKey;
    private final RequestConfig requestConfig;
    private final ObjectMapper json;
    private final RetryPolicy retryPolicy;
    private final KeyGate gate;
    private final boolean limitConcurrency;

    /** A client that never retries and does not limit its requests in flight, with a gate of its own. */
    public ParadigmClient(CloseableHttpClient http, String baseUrl, String apiKey, Duration responseTimeout) {
        this(http, baseUrl, apiKey, responseTimeout, RetryPolicy.none(), KeyGate.unshared(baseUrl), false);
    }

    /**
     * @param gate             the gate of this key, shared by every client of the same service and key
     * @param limitConcurrency whether requests wait for a slot under the gate's limit of requests in flight (the rate
     *                         limit applies either way)
     */
    public ParadigmClient(CloseableHttpClient http, String baseUrl, String apiKey, Duration responseTimeout,
                          RetryPolicy retryPolicy, KeyGate gate, boolean limitConcurrency) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.limitConcurrency = limitConcurrency;
        this.http = Objects.requireNonNull(http, "http");
        this.baseUri = BaseUrl.parse(baseUrl);
        this.filesUri = resolve(FILES, Map.of());
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.requestConfig = RequestConfig.custom()
                .setResponseTimeout(Timeout.of(responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout))
                .build();
        this.json = ParadigmJson.mapper();
    }

    public String baseUrl() {
        return baseUri.toString();
    }

    /** The gate of this client's key: its limit of requests in flight, its rate limit and its counts. */
    public KeyGate gate() {
        return gate;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * {@code POST /api/v3/files}: streams the content as multipart; 201 or 207 (tags not applied). An upload is not
     * idempotent, so after a failure it is re-sent only when that cannot store a second copy: with an external id,
     * after a failure that may have reached the service the external id is looked up first and a document found
     * is returned instead; without one, only when the request surely did not reach the service. A one-shot stream
     * is never re-sent.
     */
    public UploadResult upload(UploadRequest request) {
        String operation = "upload";
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8)
                .setContentType(FORM_DATA)
                .addPart(filePart(request.content(), request.effectiveFilename()))
                .addTextBody("workspace_id", Long.toString(request.workspaceId()), TEXT);
        addText(multipart, "filename", filenameField(request));
        addText(multipart, "title", request.title());
        addText(multipart, "parser", request.parser());
        request.tags().forEach(tag -> multipart.addTextBody("tags", tag.toString(), TEXT));
        if (request.externalMetadata() != null) {
            multipart.addTextBody("external_metadata", write(operation, request.externalMetadata()),
                    ContentType.APPLICATION_JSON);
        }
        HttpPost post = new HttpPost(filesUri);
        post.setEntity(new AbortedWhenUnreadable(multipart.build(), post));
        String externalId = request.externalMetadata() == null ? null : request.externalMetadata().externalId();
        Resend resend = !request.content().repeatable() ? Resend.NEVER
                : externalId == null || externalId.isBlank() ? Resend.ONLY_IF_NOT_RECEIVED : Resend.AFTER_LOOKUP;
        return run(operation, resend, () -> {
            Response response = send(operation, post);
            return new UploadResult(read(operation, response, ParadigmFile.class), response.status());
        }, () -> alreadyUploaded(request, externalId));
    }

    /**
     * The document an upload whose answer was lost stored, found by its external id (the newest one in the
     * workspace), or null. It counts as tagged (201) only when it carries every tag asked for.
     */
    private UploadResult alreadyUploaded(UploadRequest request, String externalId) {
        gate.statistics().lookedUp();
        List<ParadigmFile> found = listFiles(FileQuery.builder().externalId(externalId)
                .workspaceIds(List.of(request.workspaceId())).pageSize(1).build()).results();
        if (found.isEmpty()) {
            return null;
        }
        ParadigmFile file = found.get(0);
        List<Long> tagIds = file.tags().stream().map(Tag::id).toList();
        return new UploadResult(file, tagIds.containsAll(request.tags()) ? 201 : 207);
    }

    /** {@code POST /api/v3/files/{id}/tags}: adds tags (the service ignores duplicates). */
    public ParadigmFile addTags(long fileId, List<Long> tags) {
        String operation = "addTags";
        HttpPost post = new HttpPost(resolve(FILES + "/" + fileId + "/tags", Map.of()));
        post.setEntity(new StringEntity(write(operation, Map.of("tags", tags)), ContentType.APPLICATION_JSON));
        return read(operation, execute(operation, "file " + fileId, post), ParadigmFile.class);
    }

    /** {@code GET /api/v3/files/{id}}; with {@code includeContent} the parsed text is in {@code content}. */
    public ParadigmFile getFile(long fileId, boolean includeContent) {
        String operation = "getFile";
        Map<String, String> query = includeContent ? Map.of("include_content", "true") : Map.of();
        return read(operation, execute(operation, "file " + fileId, new HttpGet(resolve(FILES + "/" + fileId, query))),
                ParadigmFile.class);
    }

    /** One page of {@code GET /api/v3/files}; errors are labelled {@code search} when the query searches. */
    public Page<ParadigmFile> listFiles(FileQuery query) {
        String operation = operationOf(query);
        return readPage(operation, execute(operation, new HttpGet(resolve(FILES, query.parameters()))),
                ParadigmFile.class);
    }

    /**
     * One page of {@code GET /api/v3/files} with the server's {@code Date} header: the consumers read the service's
     * clock from it.
     */
    public DatedPage<ParadigmFile> listFilesDated(FileQuery query) {
        Response response = execute("listFiles", new HttpGet(resolve(FILES, query.parameters())));
        return new DatedPage<>(readPage("listFiles", response, ParadigmFile.class),
                response.date() == null ? null : DateUtils.parseStandardDate(response.date()));
    }

    /** The page a previous page's {@code next} (or {@code previous}) link points to. */
    public Page<ParadigmFile> listFilesPage(String pageUrl) {
        return listFilesPage("listFiles", pageUrl);
    }

    private Page<ParadigmFile> listFilesPage(String operation, String pageUrl) {
        return readPage(operation, execute(operation, new HttpGet(pageOf(operation, FILES, pageUrl))),
                ParadigmFile.class);
    }

    /**
     * Every file matching the query, fetched page by page only as the iterator is advanced.
     *
     * @param maxResults stop after this many files; 0 or less for all
     */
    public PagedIterator<ParadigmFile> iterateFiles(FileQuery query, long maxResults) {
        String operation = operationOf(query);
        return new PagedIterator<>(() -> listFiles(query), url -> listFilesPage(operation, url), maxResults);
    }

    private static String operationOf(FileQuery query) {
        return query.parameters().containsKey("search") ? "search" : "listFiles";
    }

    /** Every file matching the query, all pages followed. */
    public List<ParadigmFile> listAllFiles(FileQuery query, long maxResults) {
        List<ParadigmFile> files = new ArrayList<>();
        iterateFiles(query, maxResults).forEachRemaining(files::add);
        return files;
    }

    /** {@code GET /api/v3/workspaces}, all pages. */
    public List<Workspace> listWorkspaces() {
        String operation = "listWorkspaces";
        Iterator<Workspace> pages = new PagedIterator<>(
                () -> readPage(operation, execute(operation, new HttpGet(resolve(WORKSPACES, Map.of()))),
                        Workspace.class),
                url -> readPage(operation, execute(operation, new HttpGet(pageOf(operation, WORKSPACES, url))),
                        Workspace.class),
                0);
        List<Workspace> workspaces = new ArrayList<>();
        pages.forEachRemaining(workspaces::add);
        return workspaces;
    }

    /**
     * {@code PATCH /api/v3/files/{id}}: changes the title, the tags (all replaced), the external metadata (merged) and
     * or the content (replaced in place; processing starts over). Sending the same change twice leaves the file as
     * once did, so after any retryable failure it is sent again, answer lost or not; only a one-shot stream cannot be.
     */
    public ParadigmFile updateFile(long fileId, FileUpdate update) {
        String operation = "updateFile";
        if (update.isEmpty()) {
            throw new ParadigmValidationException(operation, "nothing to change in file " + fileId + ": give a title, "
                                                             + "tags, external metadata or new content");
        }
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.LEGACY)
                .setCharset(StandardCharsets.UTF_8)
                .setContentType(FORM_DATA);
        if (update.content() != null) {
            multipart.addPart(filePart(update.content(), update.effectiveFilename()));
        }
        addText(multipart, "title", update.title());
        if (update.tags() != null) {
            update.tags().forEach(tag -> multipart.addTextBody("tags", tag.toString(), TEXT));
        }
        if (update.externalMetadata() != null) {
            multipart.addTextBody("external_metadata", write(operation, update.externalMetadata()),
                    ContentType.APPLICATION_JSON);
        }
        HttpPatch patch = new HttpPatch(resolve(FILES + "/" + fileId, Map.of()));
        patch.setEntity(new AbortedWhenUnreadable(multipart.build(), patch));
        Resend resend = update.content() == null || update.content().repeatable() ? Resend.ALWAYS : Resend.NEVER;
        String subject = "file " + fileId;
        Response response = retryPolicy.run(operation, resend, () -> send(operation, subject, patch), () -> null);
        return read(operation, response, ParadigmFile.class);
    }

    /**
     * {@code DELETE /api/v3/files/{id}}; a 404 (unknown file) is raised as {@link ParadigmApiException}. After a
     * failure that may have reached the service the file is looked up: gone means the lost request deleted it.
     */
    public void deleteFile(long fileId) {
        String operation = "deleteFile";
        HttpDelete delete = new HttpDelete(resolve(FILES + "/" + fileId, Map.of()));
        retryPolicy.run(operation, Resend.AFTER_LOOKUP, () -> send(operation, "file " + fileId, delete),
                () -> fileExists(fileId) ? null : NO_CONTENT);
    }

    /**
     * {@code POST /api/v3/files/bulk-delete}: deletes every file or none (an unknown id answers 404, one the key may
     * not write 403, and nothing is deleted). After a failure that may have reached the service the files are looked
     * up: all gone means the lost request deleted them. Returns how many files the service deleted.
     */
    public int bulkDelete(List<Long> fileIds) {
        String operation = "bulkDelete";
        if (fileIds.isEmpty()) {
            throw new ParadigmValidationException(operation, "no file ids to delete");
        }
        HttpPost post = new HttpPost(resolve(FILES + "/bulk-delete", Map.of()));
        post.setEntity(new StringEntity(write(operation, Map.of("ids", fileIds)), ContentType.APPLICATION_JSON));
        Response response = retryPolicy.run(operation, Resend.AFTER_LOOKUP, () -> send(operation, post),
                () -> fileIds.stream().anyMatch(this::fileExists) ? null : NO_CONTENT);
        if (response.body().length == 0) {
            return (int) fileIds.stream().distinct().count();
        }
        JsonNode deleted = read(operation, response, JsonNode.class).get("deleted");
        return deleted != null && deleted.canConvertToInt() ? deleted.asInt() : (int) fileIds.stream().distinct().count();
    }

    /**
     * {@code DELETE /api/v3/files/{id}/tags/{tag_id}}; a 404 (unknown file, or a tag the file does not carry) is raised
     * as {@link ParadigmApiException}. After a failure that may have reached the service the file is read: the tag
     * gone means the lost request removed it.
     */
    public void removeTag(long fileId, long tagId) {
        String operation = "removeTag";
        HttpDelete delete = new HttpDelete(resolve(FILES + "/" + fileId + "/tags/" + tagId, Map.of()));
        retryPolicy.run(operation, Resend.AFTER_LOOKUP, () -> send(operation, "tag " + tagId + " of file " + fileId,
                        delete),
                () -> getFile(fileId, false).tags().stream().anyMatch(tag -> tag.id() == tagId) ? null : NO_CONTENT);
    }

    /** {@code GET /api/v3/tags}, all pages: the tags of the key's company. */
    public List<TagDefinition> listTags() {
        String operation = "listTags";
        Iterator<TagDefinition> pages = new PagedIterator<>(
                () -> readPage(operation, execute(operation, new HttpGet(resolve(TAGS, Map.of()))),
                        TagDefinition.class),
                url -> readPage(operation, execute(operation, new HttpGet(pageOf(operation, TAGS, url))),
                        TagDefinition.class),
                0);
        List<TagDefinition> tags = new ArrayList<>();
        pages.forEachRemaining(tags::add);
        return tags;
    }

    /** Whether the file exists (and the key sees it): a 404 on {@code GET /api/v3/files/{id}} says it does not. */
    public boolean fileExists(long fileId) {
        try {
            getFile(fileId, false);
            return true;
        } catch (ParadigmApiException e) {
            if (e.getHttpStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** A request whose repetition changes nothing (reads, adding tags), retried on every retryable failure. */
    private Response execute(String operation, HttpUriRequestBase request) {
        return execute(operation, null, request);
    }

    /** @param subject what the request is about ("file 42"), named in its errors; or null */
    private Response execute(String operation, String subject, HttpUriRequestBase request) {
        return run(operation, Resend.ALWAYS, () -> send(operation, subject, request), () -> null);
    }

    /** Runs a request under the retry policy; its retries and its failure are counted for the key. */
    private <T> T run(String operation, Resend resend, RetryPolicy.Attempt<T> attempt, RetryPolicy.Recovery<T> recovery) {
        try {
            return retryPolicy.run(operation, resend, attempt, recovery, gate.statistics()::retried);
        } catch (ParadigmException e) {
            gate.statistics().failed(e);
            throw e;
        }
    }

    private Response send(String operation, HttpUriRequestBase request) throws FailedAttempt {
        return send(operation, null, request);
    }

    /**
     * One try: waits for the key's gate (its rate limit, then a slot under its limit of requests in flight), sends,
     * and tells the gate how it went.
     */
    private Response send(String operation, String subject, HttpUriRequestBase request) throws FailedAttempt {
        request.setConfig(requestConfig);
        request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        KeyGate.Permit permit = gate.acquire(operation, limitConcurrency, retryPolicy.maxRetryAfter());
        Response response;
        try {
            response = http.execute(request, this::capture);
        } catch (IOException e) {
            UnreadableContentException unreadable = FailedAttempt.unreadableContent(e);
            if (unreadable == null) {
                permit.unanswered();
            } else {
                permit.abandoned();
            }
            String problem = FailedAttempt.untrusted(e) ? "the server's TLS certificate is not trusted (" + e
                    + "): give the component sslContextParameters whose trust store holds it or its authority, or add "
                    + "that to the JVM's trust store" : unreadable != null ? unreadable.getMessage() : e.toString();
            ParadigmException error = new ParadigmException(operation, request.getMethod() + " " + request.getScheme()
                    + "://" + request.getAuthority() + request.getRequestUri() + " failed: " + problem, e);
            gate.statistics().failed(error);
            throw FailedAttempt.broken(e, error, gate.serviceFailing());
        } catch (RuntimeException e) {
            permit.unanswered();
            throw e;
        }
        if (response.status() < 300) {
            permit.answered(response.status(), null, null);
            return response;
        }
        ParadigmApiException error = apiError(operation, subject, response);
        Throttling throttling = permit.answered(response.status(), error.getCode(), error.getRetryAfterSeconds());
        gate.statistics().failed(error);
        throw FailedAttempt.answered(error, throttling, gate.serviceFailing());
    }

    private Response capture(ClassicHttpResponse response) throws IOException {
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        Header date = response.getFirstHeader(HttpHeaders.DATE);
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Response(response.getCode(), new StatusLine(response).getReasonPhrase(), body,
                retryAfter == null ? null : retryAfter.getValue(), date == null ? null : date.getValue());
    }

    private ParadigmApiException apiError(String operation, String subject, Response response) {
        String code = null;
        String error = null;
        String detail = null;
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.isObject()) {
                code = text(body.get("code"));
                error = text(body.get("error"));
                detail = text(body.get("detail"));
            }
        } catch (IOException notJson) {
            // the quoted body below says what came back
        }
        StringBuilder message = new StringBuilder(subject == null ? "" : subject + ": ")
                .append("HTTP ").append(response.status());
        if (response.reason() != null && !response.reason().isBlank()) {
            message.append(' ').append(response.reason());
        }
        if (error != null || code != null || detail != null) {
            message.append(": ").append(Objects.requireNonNullElse(error, "error"));
            if (code != null && !code.equals(error)) {
                message.append(" (").append(code).append(')');
            }
            if (detail != null) {
                message.append(" - ").append(detail);
            }
        } else {
            message.append(": ").append(quote(response.body()));
        }
        Long retryAfter = parseRetryAfter(response.retryAfter());
        if (retryAfter != null) {
            message.append(" (Retry-After: ").append(retryAfter).append(" s)");
        }
        return new ParadigmApiException(operation, response.status(), response.reason(), code, error, detail,
                retryAfter, message.toString());
    }

    private <T> T read(String operation, Response response, Class<T> type) {
        try {
            T value = json.readValue(response.body(), type);
            if (value == null) {
                throw malformed(operation, response, "empty answer", null);
            }
            return value;
        } catch (IOException e) {
            throw malformed(operation, response, "the answer is not the JSON expected", e);
        }
    }

    private <T> Page<T> readPage(String operation, Response response, Class<T> itemType) {
        JsonNode tree;
        try {
            tree = json.readTree(response.body());
        } catch (IOException e) {
            throw malformed(operation, response, "the answer is not JSON", e);
        }
        if (tree == null || !tree.isObject() || !tree.path("results").isArray()) {
            throw malformed(operation, response, "the answer has no 'results' list", null);
        }
        for (JsonNode item : tree.get("results")) {
            if (item.isArray()) {
                // as in the vendor's own list example: results: [[...]]
                throw malformed(operation, response, "the 'results' list holds lists instead of objects", null);
            }
        }
        JavaType pageType = json.getTypeFactory().constructParametricType(Page.class, itemType);
        try {
            return json.convertValue(tree, pageType);
        } catch (IllegalArgumentException e) {
            throw malformed(operation, response, "a listed item cannot be read", e);
        }
    }

    private ParadigmApiException malformed(String operation, Response response, String what, Exception cause) {
        return new ParadigmApiException(operation, response.status(), response.reason(), null,
                "malformed_response", null, null,
                "HTTP " + response.status() + " but " + what + (cause == null ? "" : " (" + firstLine(cause) + ")")
                        + "; the answer began with: " + quote(response.body()),
                cause);
    }

    private String write(String operation, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ParadigmValidationException(operation, "cannot write as JSON: " + e.getOriginalMessage());
        }
    }

    private URI resolve(String path, Map<String, String> query) {
        try {
            URIBuilder builder = new URIBuilder(baseUri).appendPath(path);
            query.forEach(builder::addParameter);
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid Paradigm base URL: " + baseUri, e);
        }
    }

    /**
     * The page a pagination link points to. Links are absolute and built by the server from the host it saw; we
     * keep their path and query but always send them to the configured base URL, so the key never goes to
     * another host. A link that is not a page of the same listing is an error about the pagination, not a
     * request sent somewhere else.
     */
    private URI pageOf(String operation, String listPath, String pageUrl) {
        try {
            URI link = new URI(pageUrl);
            if (link.getRawPath() == null || !link.getRawPath().endsWith(listPath)) {
                throw brokenLink(operation, listPath, pageUrl, null);
            }
            // parameters decoded, then encoded once: the raw query passed on as is would be encoded a second time
            return new URIBuilder(baseUri).setPath(link.getRawPath())
                    .setParameters(new URIBuilder(link).getQueryParams()).build();
        } catch (URISyntaxException e) {
            throw brokenLink(operation, listPath, pageUrl, e);
        }
    }

    private static ParadigmException brokenLink(String operation, String listPath, String pageUrl, Exception cause) {
        return new ParadigmException(operation, "cannot follow the pagination: the answer's 'next' link '" + pageUrl
                + "' is not a page of " + listPath + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    /**
     * The file part as browsers send it (RFC 7578 4.2, WHATWG): the name in UTF-8 in a quoted {@code filename},
     * quotes and backslashes escaped, line breaks made spaces, and no {@code filename*}: the service's Django
     * stack takes {@code filename} as written (HttpClient's EXTENDED mode percent-encodes it, HTTPCLIENT-2395)
     * and a {@code filename*} would win over it. LEGACY is HttpClient's browser-compatible mode.
     */
    private static FormBodyPart filePart(UploadContent content, String filename) {
        return FormBodyPartBuilder.create("file", contentBody(content, MultipartFileName.escaped(filename)),
                HttpMultipartMode.LEGACY).build();
    }

    /** The explicit name, else the content's own when the file part cannot carry it intact. */
    private static String filenameField(UploadRequest request) {
        if (request.filename() != null && !request.filename().isBlank()) {
            return request.filename();
        }
        return MultipartFileName.fieldFor(request.content().defaultFilename());
    }

    private static ContentBody contentBody(UploadContent content, String filename) {
        if (content instanceof UploadContent.FromFile file) {
            // read through the Path, which keeps the name's bytes as the folder listed them: HttpClient's FileBody
            // opens a java.io.File made from the path's text, which cannot name a file whose name is not valid in
            // the platform's encoding (a Latin-1 name on a UTF-8 system: FileNotFoundException)
            return new ReopenableBody(new UploadContent.Reopenable(file.defaultFilename(), sizeOf(file.path()),
                    () -> Files.newInputStream(file.path())), filename, file.path().toString());
        }
        if (content instanceof UploadContent.FromBytes bytes) {
            return new ByteArrayBody(bytes.bytes(), ContentType.APPLICATION_OCTET_STREAM, filename);
        }
        if (content instanceof UploadContent.Reopenable reopenable) {
            return new ReopenableBody(reopenable, filename, reopenable.name());
        }
        UploadContent.FromStream stream = (UploadContent.FromStream) content;
        return new InputStreamBody(new OneShotContentStream(stream.stream(), stream.name()),
                ContentType.APPLICATION_OCTET_STREAM, filename);
    }

    /** The file's size, or -1 (unknown: sent chunked, and reading it then fails with the reason) if it cannot be read. */
    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void addText(MultipartEntityBuilder multipart, String name, String value) {
        if (value != null && !value.isBlank()) {
            multipart.addTextBody(name, value, TEXT);
        }
    }

    /** {@code Retry-After} in seconds: a number of seconds, or an HTTP date (rounded up from now). */
    static Long parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            Instant date = DateUtils.parseStandardDate(value.trim());
            if (date == null) {
                return null;
            }
            long millis = Duration.between(Instant.now(), date).toMillis();
            return Math.max(0, (millis + 999) / 1000);
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    private static String quote(byte[] body) {
        if (body.length == 0) {
            return "<empty>";
        }
        String text = new String(body, 0, Math.min(body.length, QUOTED_BODY_LENGTH), StandardCharsets.UTF_8);
        return "'" + text + (body.length > QUOTED_BODY_LENGTH ? "...'" : "'");
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** @param date the {@code Date} header as sent: parsed only by the calls that read the service's clock */
    private record Response(int status, String reason, byte[] body, String retryAfter, String date) {
    }
}
