package io.camelparadigm.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.InputStreamContentSource;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /api/v3/files}. The file part is spooled to disk by Jetty's multipart parser, hashed while
 * read back once, then deleted: only its size, hash and (for text formats) a short excerpt are kept.
 */
final class UploadEndpoint {

    /** Room for the form fields around the file in a multipart body. */
    static final long MULTIPART_OVERHEAD = 1024 * 1024;
    private static final long MEMORY_PART_THRESHOLD = 16 * 1024;
    static final int MAX_NAME_LENGTH = 255;
    private static final int CONTENT_EXCERPT_BYTES = 64 * 1024;
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "markdown", "csv", "html", "htm", "json", "xml");
    private static final Set<String> PARSERS = Set.of("v2.2.1");
    /** Django's DATA_UPLOAD_MAX_NUMBER_FIELDS: a form with more fields (parts without a filename) is refused. */
    static final int MAX_FORM_FIELDS = 1000;
    /** Django's DATA_UPLOAD_MAX_NUMBER_FILES: a form with more file parts is refused. */
    static final int MAX_FORM_FILES = 100;

    private final EmulatorCore core;
    private final FileViews views;

    UploadEndpoint(EmulatorCore core, FileViews views) {
        this.core = core;
        this.views = views;
    }

    ApiAnswer handle(ApiCall call) throws ApiException {
        Request request = call.request();
        String mimeType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        MimeTypes.Type type = mimeType == null ? null : MimeTypes.getBaseType(mimeType);
        if (type == MimeTypes.Type.FORM_ENCODED) {
            FormFields.getFields(request);
            throw ApiException.validation("required", "file: No file was submitted.");
        }
        if (type != MimeTypes.Type.MULTIPART_FORM_DATA) {
            throw new ApiException(415, "unsupported_media_type", "unsupported_media_type",
                    "Unsupported media type '" + mimeType + "': send multipart/form-data.");
        }
        long declaredLength = request.getLength();
        if (declaredLength > core.maxFileSize + MULTIPART_OVERHEAD) {
            return tooLarge(declaredLength);
        }
        String sessionUuid = core.uploadSessions.begin(call.caller().principal(), core.nowMicros(),
                core.faults.maxConcurrentUploadsPerSession());
        if (sessionUuid == null) {
            throw ApiException.tooManyRequests("too_many_concurrent_uploads",
                    "Too many concurrent uploads for this session.", core.faults.retryAfterSeconds());
        }
        call.whenAnswered().add(() -> core.uploadSessions.end(sessionUuid));
        try {
            MultiPartFormData.Parts parts = readParts(request);
            try {
                return store(call, parts, sessionUuid);
            } finally {
                parts.close();
            }
        } catch (FileTooLarge e) {
            return tooLarge(-1);
        } catch (UnreadableForm e) {
            return unreadable(e);
        }
    }

    /** Jetty does not reuse a connection whose body its parser gave up on: the answer says it closes. */
    ApiAnswer unreadable(UnreadableForm e) {
        return new ApiAnswer(e.error.status(), core.errorBody(e.error.code(), e.error.error(), e.error.detail()),
                e.error.headers(), ApiAnswer.Disposition.RESPOND_AND_CLOSE);
    }

    MultiPartFormData.Parts readParts(Request request) throws ApiException, FileTooLarge, UnreadableForm {
        MultiPartConfig config = new MultiPartConfig.Builder()
                .location(core.spoolDirectory)
                .maxPartSize(core.maxFileSize)
                .maxSize(core.maxFileSize + MULTIPART_OVERHEAD)
                .maxMemoryPartSize(MEMORY_PART_THRESHOLD)
                .useFilesForPartsWithoutFileName(true)
                .maxParts(MAX_FORM_FIELDS + MAX_FORM_FILES + 1)
                .build();
        MultiPartFormData.Parts parts;
        try {
            String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
            parts = MultiPartFormData.getParts(endingAsDjangoReadsIt(request, contentType), request, contentType, config);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            if (isSizeLimit(cause)) {
                throw new FileTooLarge();
            }
            if (String.valueOf(cause.getMessage()).startsWith("Form with too many keys")) {
                throw new UnreadableForm(tooManyFields());
            }
            throw new UnreadableForm(ApiException.validation("malformed_multipart",
                    "Multipart form parse error: " + cause.getMessage()));
        }
        int files = 0;
        for (MultiPart.Part part : parts) {
            files += part.getFileName() != null ? 1 : 0;
        }
        if (parts.size() - files > MAX_FORM_FIELDS) {
            parts.close();
            throw tooManyFields();
        }
        if (files > MAX_FORM_FILES) {
            parts.close();
            throw new ApiException(400, "too_many_files", "bad_request",
                    "The number of files exceeded settings.DATA_UPLOAD_MAX_NUMBER_FILES.");
        }
        return parts;
    }

    /**
     * The body as Django's multipart parser reads it: a body that ends without the closing boundary (a chunked body
     * its client ended cleanly after failing to read the file, as HttpClient does) ends its last part there, and the
     * file is the bytes received; Jetty's parser would refuse it. The closing boundary is added at the end: when the
     * body had one, it falls in the epilogue, which both parsers ignore.
     */
    private static Content.Source endingAsDjangoReadsIt(Request request, String contentType) {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            return request;
        }
        byte[] closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return new InputStreamContentSource(new SequenceInputStream(Content.Source.asInputStream(request),
                new ByteArrayInputStream(closing)));
    }

    /** What Django answers (TooManyFieldsSent, a 400) to a form of more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields. */
    private static ApiException tooManyFields() {
        return new ApiException(400, "too_many_fields", "bad_request",
                "The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.");
    }

    /** Jetty's multipart parser reports its limits as IllegalStateException "max file size/length exceeded". */
    private static boolean isSizeLimit(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return cause instanceof IllegalStateException
                && (message.startsWith("max file size exceeded") || message.startsWith("max length exceeded"));
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    ApiAnswer tooLarge(long declaredLength) {
        String detail = "File exceeds the maximum upload size of " + core.maxFileSize + " bytes"
                + (declaredLength > 0 ? " (request body is " + declaredLength + " bytes)." : ".");
        return new ApiAnswer(413, core.errorBody("file_too_large", "request_entity_too_large", detail),
                Map.of(), ApiAnswer.Disposition.RESPOND_AND_CLOSE);
    }

    private ApiAnswer store(ApiCall call, MultiPartFormData.Parts parts, String sessionUuid)
            throws ApiException, FileTooLarge {
        Charset charset = UploadedFileName.requestCharset(call.request().getHeaders().get(HttpHeader.CONTENT_TYPE));
        MultiPart.Part filePart = lastPart(parts, "file");
        if (filePart == null) {
            throw ApiException.validation("required", "file: No file was submitted.");
        }
        String submittedName = UploadedFileName.submitted(filePart, charset);
        if (submittedName == null) {
            throw ApiException.validation("not_a_file",
                    "file: The submitted data was not a file. Check the encoding type on the form.");
        }
        String uploadedName = UploadedFileName.stored(submittedName);
        if (uploadedName == null) {
            // Django drops a file part whose name is empty once sanitized
            throw ApiException.validation("required", "file: No file was submitted.");
        }
        Accounts.Workspace workspace = writableWorkspace(call.caller(), field(parts, "workspace_id", charset));
        String filename = optionalName(parts, "filename", charset);
        if (filename == null) {
            filename = uploadedName;
        }
        String title = optionalName(parts, "title", charset);
        String parser = field(parts, "parser", charset);
        if (parser != null && !PARSERS.contains(parser)) {
            throw ApiException.validation("invalid_parser", "parser: '" + parser + "' is not a valid parser. Allowed: "
                    + String.join(", ", PARSERS) + ".");
        }
        List<String> tagValues = new ArrayList<>();
        for (MultiPart.Part part : parts.getAll("tags")) {
            tagValues.add(part.getContentAsString(charset));
        }
        List<Long> requestedTags = TagIdValues.fromFormValues(tagValues, core.mapper);
        ObjectNode externalMetadata = externalMetadata(field(parts, "external_metadata", charset));

        Received received = receive(filePart, filename);
        if (received.size == 0) {
            throw ApiException.validation("empty_file", "file: The submitted file is empty.");
        }
        if (received.size > core.maxFileSize) {
            throw new FileTooLarge();
        }

        List<Long> refused = requestedTags.stream().filter(id -> !core.accounts.canUseTag(call.caller(), id)).toList();
        List<Long> assigned = refused.isEmpty() ? requestedTags : List.of();
        String finalFilename = filename;
        String finalTitle = title != null ? title : Document.titleFrom(filename);
        Document document = core.store.add(id -> new Document(id, workspace, finalFilename, finalTitle, received.size,
                received.sha256, core.nextCreatedAtMicros(), sessionUuid, externalMetadata, call.caller().user(),
                parser != null ? parser : EmulatorCore.DEFAULT_PARSER, received.content, null,
                core.failureScripts.planFor(finalFilename), assigned));

        if (core.faults.takeDropAfterStore()) {
            return ApiAnswer.drop();
        }
        Document.State state = core.stateOf(document);
        if (!refused.isEmpty()) {
            String ids = refused.stream().map(String::valueOf).collect(Collectors.joining(", "));
            return ApiAnswer.json(207, views.uploaded(document, state,
                    "Document uploaded successfully, but tag assignment failed: Invalid or unauthorized tag IDs: " + ids));
        }
        return ApiAnswer.json(201, views.uploaded(document, state, "File queued for processing"));
    }

    private Accounts.Workspace writableWorkspace(Accounts.Caller caller, String value) throws ApiException {
        if (value == null || value.isBlank()) {
            throw ApiException.validation("required", "workspace_id: This field is required.");
        }
        long workspaceId;
        try {
            workspaceId = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("invalid_workspace_id", "workspace_id: A valid integer is required.");
        }
        Accounts.Workspace workspace = core.accounts.workspace(workspaceId).orElseThrow(() ->
                ApiException.validation("does_not_exist", "workspace_id: Workspace " + workspaceId + " does not exist."));
        if (!caller.canWrite(workspaceId)) {
            throw ApiException.permissionDenied("You do not have permission to upload files to workspace "
                    + workspaceId + ".");
        }
        return workspace;
    }

    private ObjectNode externalMetadata(String value) throws ApiException {
        return externalMetadata(value, true);
    }

    /** The external_metadata field read and checked; {@code external_id} may be left out when not required. */
    ObjectNode externalMetadata(String value, boolean externalIdRequired) throws ApiException {
        if (value == null || value.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = core.mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw ApiException.validation("invalid_external_metadata", "external_metadata: Value must be valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.validation("invalid_external_metadata", "external_metadata: Value must be a JSON object.");
        }
        JsonNode externalId = node.get("external_id");
        boolean given = externalIdRequired || externalId != null;
        if (given && (externalId == null || !externalId.isTextual() || externalId.asText().isBlank())) {
            throw ApiException.validation("invalid_external_metadata",
                    "external_metadata: external_id is required and must be a non-empty string.");
        }
        JsonNode docType = node.get("doc_type");
        if (docType != null && !docType.isNull() && !docType.isTextual()) {
            throw ApiException.validation("invalid_external_metadata", "external_metadata: doc_type must be a string.");
        }
        JsonNode additional = node.get("additional_metadata");
        if (additional != null && !additional.isNull() && !additional.isObject()) {
            throw ApiException.validation("invalid_external_metadata",
                    "external_metadata: additional_metadata must be a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** A text field, decoded as Django does: with the request's charset, whatever the part's own says. */
    /** The value Django reads for a form field sent more than once: the last one ({@code QueryDict.__getitem__}). */
    static String field(MultiPartFormData.Parts parts, String name, Charset charset) {
        MultiPart.Part part = lastPart(parts, name);
        return part == null ? null : part.getContentAsString(charset);
    }

    /** The last part of that name, as Django's {@code MultiValueDict} returns it; null when there is none. */
    static MultiPart.Part lastPart(MultiPartFormData.Parts parts, String name) {
        List<MultiPart.Part> all = parts.getAll(name);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    static String optionalName(MultiPartFormData.Parts parts, String name, Charset charset)
            throws ApiException {
        String value = field(parts, name, charset);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();   // Django REST framework's CharField trims surrounding whitespace
        if (UploadedFileName.length(value) > MAX_NAME_LENGTH) {
            throw ApiException.validation("max_length", name + ": Ensure this field has no more than "
                    + MAX_NAME_LENGTH + " characters.");
        }
        return value;
    }

    record Received(long size, String sha256, String content) {
    }

    /** Reads the spooled part once: size, SHA-256, and the parsed text stand-in. */
    static Received receive(MultiPart.Part part, String filename) throws ApiException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
        boolean keepText = TEXT_EXTENSIONS.contains(Document.extensionOf(filename));
        byte[] excerpt = new byte[keepText ? CONTENT_EXCERPT_BYTES : 0];
        int excerptLength = 0;
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new DigestInputStream(Content.Source.asInputStream(part.createContentSource()), sha256)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (excerptLength < excerpt.length) {
                    int copy = Math.min(read, excerpt.length - excerptLength);
                    System.arraycopy(buffer, 0, excerpt, excerptLength, copy);
                    excerptLength += copy;
                }
                size += read;
            }
        } catch (IOException e) {
            throw ApiException.validation("unreadable_file", "file: The upload could not be read completely.");
        }
        String content = keepText
                ? new String(excerpt, 0, excerptLength, StandardCharsets.UTF_8)
                : "Text extracted from " + filename + " (" + size + " bytes).";
        return new Received(size, HexFormat.of().formatHex(sha256.digest()), content);
    }

    /** The multipart parser gave up on the body: the error to answer with. */
    static final class UnreadableForm extends Exception {
        private final transient ApiException error;

        UnreadableForm(ApiException error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /** The file part went over the maximum size while being read. */
    static final class FileTooLarge extends Exception {
        FileTooLarge() {
            super(null, null, false, false);
        }
    }
}
