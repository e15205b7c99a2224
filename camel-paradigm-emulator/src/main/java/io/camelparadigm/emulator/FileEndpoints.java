package io.camelparadigm.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;

/** {@code GET /api/v3/files/{id}} and {@code POST /api/v3/files/{id}/tags}. */
final class FileEndpoints {

    private static final int MAX_BODY = 1024 * 1024;

    private final EmulatorCore core;
    private final FileViews views;

    FileEndpoints(EmulatorCore core, FileViews views) {
        this.core = core;
        this.views = views;
    }

    ApiAnswer get(ApiCall call, String idText) throws ApiException {
        Document document = core.visibleDocument(call.caller(), idText);
        boolean includeContent = "true".equalsIgnoreCase(call.query().getValue("include_content"));
        return ApiAnswer.json(200, views.retrieved(document, core.stateOf(document), includeContent));
    }

    ApiAnswer addTags(ApiCall call, String idText) throws ApiException {
        Document document = core.writableDocument(call.caller(), idText);
        List<Long> requested = requestedTags(call.request());
        if (requested.isEmpty()) {
            throw ApiException.validation("empty_tags", "tags: This list may not be empty.");
        }
        List<Long> refused = requested.stream().filter(id -> !core.accounts.canUseTag(call.caller(), id)).toList();
        if (!refused.isEmpty()) {
            throw ApiException.validation("invalid_tags", "Invalid or unauthorized tag IDs: "
                    + refused.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        int added = core.store.edit(document, edited -> edited.addTags(requested, core.nowMicros()));
        var body = views.retrieved(document, core.stateOf(document), false);
        body.put("message", "Added " + added + " tag(s) to file (duplicates ignored)");
        return ApiAnswer.json(200, body);
    }

    /** Tag ids from a JSON, form-urlencoded or multipart body. */
    private List<Long> requestedTags(Request request) throws ApiException {
        String mimeType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        MimeTypes.Type type = mimeType == null ? null : MimeTypes.getBaseType(mimeType);
        if (type == MimeTypes.Type.APPLICATION_JSON) {
            JsonNode body = RequestBodies.json(request, core.mapper);
            if (!body.isObject() || !body.has("tags")) {
                throw ApiException.validation("required", "tags: This field is required.");
            }
            return TagIdValues.fromJson(body.get("tags"));
        }
        List<String> values;
        if (type == MimeTypes.Type.FORM_ENCODED) {
            values = FormFields.getFields(request).getValuesOrEmpty("tags");
        } else if (type == MimeTypes.Type.MULTIPART_FORM_DATA) {
            values = multipartValues(request, "tags");
        } else {
            throw new ApiException(415, "unsupported_media_type", "unsupported_media_type",
                    "Unsupported media type '" + mimeType
                            + "': send application/json, application/x-www-form-urlencoded or multipart/form-data.");
        }
        if (values.isEmpty()) {
            throw ApiException.validation("required", "tags: This field is required.");
        }
        return TagIdValues.fromFormValues(values, core.mapper);
    }

    private List<String> multipartValues(Request request, String name) throws ApiException {
        MultiPartConfig config = new MultiPartConfig.Builder()
                .location(core.spoolDirectory)
                .maxSize(MAX_BODY)
                .maxPartSize(MAX_BODY)
                .maxMemoryPartSize(MAX_BODY)
                .build();
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request,
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), config)) {
            List<String> values = new ArrayList<>();
            for (MultiPart.Part part : parts.getAll(name)) {
                values.add(part.getContentAsString(StandardCharsets.UTF_8));
            }
            return values;
        } catch (RuntimeException e) {
            throw ApiException.validation("malformed_multipart", "Multipart form parse error.");
        }
    }
}
