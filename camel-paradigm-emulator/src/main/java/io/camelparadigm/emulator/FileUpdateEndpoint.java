package io.camelparadigm.emulator;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * {@code PATCH /api/v3/files/{id}}, a multipart or urlencoded form: {@code title}; {@code tags} replaces every tag;
 * {@code external_metadata} is merged into the document's (its {@code external_id} cannot change); a {@code file}
 * part replaces the content in place (same id), and processing starts over from pending. The form is read with
 * the upload's parser and limits; every field is checked before anything changes.
 */
final class FileUpdateEndpoint {

    private final EmulatorCore core;
    private final FileViews views;
    private final UploadEndpoint upload;

    FileUpdateEndpoint(EmulatorCore core, FileViews views, UploadEndpoint upload) {
        this.core = core;
        this.views = views;
        this.upload = upload;
    }

    /** The form's fields, whichever encoding carried them; {@code file} only in a multipart form, and its name. */
    private record Form(List<String> titles, List<String> tags, String externalMetadata, String fileName,
                        MultiPart.Part file) {
    }

    ApiAnswer handle(ApiCall call, String idText) throws ApiException {
        Document document = core.writableDocument(call.caller(), idText);
        Request request = call.request();
        MimeTypes.Type type = RequestBodies.type(request);
        if (type != MimeTypes.Type.FORM_ENCODED && type != MimeTypes.Type.MULTIPART_FORM_DATA) {
            throw RequestBodies.unsupported(request, "multipart/form-data or application/x-www-form-urlencoded");
        }
        long declaredLength = request.getLength();
        if (declaredLength > core.maxFileSize + UploadEndpoint.MULTIPART_OVERHEAD) {
            return upload.tooLarge(declaredLength);
        }
        try {
            if (type == MimeTypes.Type.FORM_ENCODED) {
                Fields fields = urlencodedFields(request);
                return apply(call, document, new Form(fields.getValuesOrEmpty("title"),
                        fields.getValuesOrEmpty("tags"), last(fields.getValuesOrEmpty("external_metadata")), null, null));
            }
            Charset charset = UploadedFileName.requestCharset(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
            try (MultiPartFormData.Parts parts = upload.readParts(request)) {
                String fileName = fileName(parts, charset);
                return apply(call, document, new Form(values(parts, "title", charset), values(parts, "tags", charset),
                        UploadEndpoint.field(parts, "external_metadata", charset), fileName,
                        fileName == null ? null : UploadEndpoint.lastPart(parts, "file")));
            }
        } catch (UploadEndpoint.FileTooLarge e) {
            return upload.tooLarge(-1);
        } catch (UploadEndpoint.UnreadableForm e) {
            return upload.unreadable(e);
        }
    }

    private ApiAnswer apply(ApiCall call, Document document, Form form)
            throws ApiException, UploadEndpoint.FileTooLarge {
        String title = title(form.titles());
        List<Long> tags = form.tags().isEmpty() ? null : tags(call.caller(), form.tags());
        ObjectNode externalMetadata = mergedExternalMetadata(document, form.externalMetadata());
        Document.NewContent content = form.file() == null ? null : content(form.file(), form.fileName());
        if (title == null && tags == null && externalMetadata == null && content == null) {
            // a partial update with nothing in it changes nothing, as Django REST Framework's does
            return ApiAnswer.json(200, views.retrieved(document, core.stateOf(document), false));
        }
        long now = core.nowMicros();
        core.store.edit(document, edited -> {
            edited.patch(title, tags, externalMetadata, content, now);
            return null;
        });
        if (core.faults.takeDropAfterChange()) {
            return ApiAnswer.drop();
        }
        return ApiAnswer.json(200, views.retrieved(document, core.stateOf(document), false));
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String title(List<String> titles) throws ApiException {
        if (titles.isEmpty()) {
            return null;
        }
        String title = last(titles).strip();   // the last value sent, trimmed as DRF's CharField does
        if (title.isBlank()) {
            throw ApiException.validation("blank", "title: This field may not be blank.");
        }
        if (UploadedFileName.length(title) > UploadEndpoint.MAX_NAME_LENGTH) {
            throw ApiException.validation("max_length", "title: Ensure this field has no more than "
                    + UploadEndpoint.MAX_NAME_LENGTH + " characters.");
        }
        return title;
    }

    /** The tags the document will carry; an id the caller may not use refuses the whole change. */
    private List<Long> tags(Accounts.Caller caller, List<String> values) throws ApiException {
        List<Long> tags = TagIdValues.fromFormValues(values, core.mapper);
        List<Long> refused = tags.stream().filter(id -> !core.accounts.canUseTag(caller, id)).toList();
        if (!refused.isEmpty()) {
            throw ApiException.validation("invalid_tags", "Invalid or unauthorized tag IDs: "
                    + refused.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return tags;
    }

    /** The document's external metadata with the given keys replaced; null when none is given. */
    private ObjectNode mergedExternalMetadata(Document document, String value) throws ApiException {
        ObjectNode current = document.externalMetadata;
        ObjectNode given = upload.externalMetadata(value, current == null);
        if (given == null) {
            return null;
        }
        if (current == null) {
            return given;
        }
        JsonNode externalId = given.get("external_id");
        String currentId = current.path("external_id").asText();
        if (externalId != null && !externalId.asText().equals(currentId)) {
            throw ApiException.validation("immutable_external_id", "external_metadata: external_id cannot be changed "
                    + "once set (it is '" + currentId + "').");
        }
        ObjectNode merged = current.deepCopy();
        merged.setAll(given);
        return merged;
    }

    private Document.NewContent content(MultiPart.Part part, String filename)
            throws ApiException, UploadEndpoint.FileTooLarge {
        UploadEndpoint.Received received = UploadEndpoint.receive(part, filename);
        if (received.size() == 0) {
            throw ApiException.validation("empty_file", "file: The submitted file is empty.");
        }
        if (received.size() > core.maxFileSize) {
            throw new UploadEndpoint.FileTooLarge();
        }
        return new Document.NewContent(filename, received.size(), received.sha256(), received.content(),
                core.failureScripts.planFor(filename));
    }

    private static Fields urlencodedFields(Request request) throws ApiException {
        try {
            return FormFields.getFields(request);
        } catch (RuntimeException e) {
            throw ApiException.validation("malformed_form", "Form parse error: " + e.getMessage());
        }
    }

    /** Text fields, decoded as Django does: with the request's charset, whatever the part's own says. */
    private static List<String> values(MultiPartFormData.Parts parts, String name, Charset charset) {
        List<String> values = new ArrayList<>();
        for (MultiPart.Part part : parts.getAll(name)) {
            values.add(part.getContentAsString(charset));
        }
        return values;
    }

    /**
     * The name the service stores for the {@code file} part; null when there is none, or when its name is empty once
     * sanitized (Django drops such a part: no new content then). A {@code file} field that is not a file is refused.
     */
    private static String fileName(MultiPartFormData.Parts parts, Charset charset) throws ApiException {
        MultiPart.Part part = UploadEndpoint.lastPart(parts, "file");
        if (part == null) {
            return null;
        }
        String submitted = UploadedFileName.submitted(part, charset);
        if (submitted == null) {
            throw ApiException.validation("not_a_file",
                    "file: The submitted data was not a file. Check the encoding type on the form.");
        }
        return UploadedFileName.stored(submitted);
    }
}
