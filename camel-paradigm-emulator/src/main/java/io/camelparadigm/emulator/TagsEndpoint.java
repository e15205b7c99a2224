package io.camelparadigm.emulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.util.Fields;

/**
 * The tags of the caller's company: {@code GET /api/v3/tags} (paginated, each with the number of documents the
 * caller can see that carry it), {@code POST /api/v3/tags} (JSON or urlencoded {@code name}, {@code description},
 * {@code auto_assign}), and {@code DELETE /api/v3/files/{id}/tags/{tag_id}} (204; 404 when the file does not carry
 * the tag).
 */
final class TagsEndpoint {

    private final EmulatorCore core;

    TagsEndpoint(EmulatorCore core) {
        this.core = core;
    }

    ApiAnswer list(ApiCall call) throws ApiException {
        Set<Long> visible = new HashSet<>();
        core.accounts.visibleWorkspaces(call.caller()).forEach(workspace -> visible.add(workspace.id()));
        Map<Long, Integer> documentCounts = new HashMap<>();
        for (Document document : core.store.all()) {
            if (visible.contains(document.workspace.id())) {
                document.tagIds().forEach(tagId -> documentCounts.merge(tagId, 1, Integer::sum));
            }
        }
        ObjectNode page = Pagination.page(core.accounts.tagsOf(call.caller()), call.query(),
                call.request().getHttpURI(), core.mapper, tag -> view(tag, documentCounts.getOrDefault(tag.id(), 0)));
        return ApiAnswer.json(200, page);
    }

    ApiAnswer create(ApiCall call) throws ApiException {
        if (!call.caller().canWriteSomewhere()) {
            throw ApiException.permissionDenied("You do not have permission to create tags.");
        }
        NewTag requested = newTag(call);
        long company = call.caller().user().companyId();
        Accounts.Tag tag = core.accounts.addTagIfNew(requested.name, requested.description, requested.autoAssign,
                company).orElseThrow(() -> ApiException.validation("unique", "name: A tag with this name already exists."));
        if (core.faults.takeDropAfterChange()) {
            return ApiAnswer.drop();
        }
        return ApiAnswer.json(201, view(tag, 0));
    }

    ApiAnswer removeFromFile(ApiCall call, String fileIdText, String tagIdText) throws ApiException {
        Document document = core.writableDocument(call.caller(), fileIdText);
        long tagId;
        try {
            tagId = Long.parseLong(tagIdText);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No tag matches the given query.");
        }
        long now = core.nowMicros();
        if (!core.store.edit(document, edited -> edited.removeTag(tagId, now))) {
            throw ApiException.notFound("File " + document.id + " does not carry tag " + tagId + ".");
        }
        return core.faults.takeDropAfterChange() ? ApiAnswer.drop() : ApiAnswer.noContent();
    }

    private record NewTag(String name, String description, boolean autoAssign) {
    }

    private NewTag newTag(ApiCall call) throws ApiException {
        MimeTypes.Type type = RequestBodies.type(call.request());
        String name;
        String description;
        String autoAssign;
        if (type == MimeTypes.Type.APPLICATION_JSON) {
            JsonNode body = RequestBodies.json(call.request(), core.mapper);
            if (!body.isObject()) {
                throw ApiException.validation("invalid", "Invalid data. Expected a dictionary, but got "
                        + body.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
            }
            name = text(body, "name");
            description = text(body, "description");
            JsonNode flag = body.get("auto_assign");
            autoAssign = flag == null || flag.isNull() ? null : flag.isValueNode() ? flag.asText() : flag.toString();
        } else if (type == MimeTypes.Type.FORM_ENCODED) {
            Fields fields = FormFields.getFields(call.request());
            name = fields.getValue("name");
            description = fields.getValue("description");
            autoAssign = fields.getValue("auto_assign");
        } else {
            throw RequestBodies.unsupported(call.request(), "application/json or application/x-www-form-urlencoded");
        }
        if (name == null) {
            throw ApiException.validation("required", "name: This field is required.");
        }
        if (name.isBlank()) {
            throw ApiException.validation("blank", "name: This field may not be blank.");
        }
        if (name.length() > UploadEndpoint.MAX_NAME_LENGTH) {
            throw ApiException.validation("max_length", "name: Ensure this field has no more than "
                    + UploadEndpoint.MAX_NAME_LENGTH + " characters.");
        }
        return new NewTag(name.trim(), description == null ? "" : description, bool(autoAssign));
    }

    /** A text field of a JSON body: null when absent, 400 when not a string. */
    private static String text(JsonNode body, String field) throws ApiException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation("invalid", field + ": Not a valid string.");
        }
        return value.asText();
    }

    /** A boolean as Django REST Framework's BooleanField reads it. */
    private static boolean bool(String value) throws ApiException {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw ApiException.validation("invalid", "auto_assign: Must be a valid boolean.");
        };
    }

    private ObjectNode view(Accounts.Tag tag, int documentCount) {
        ObjectNode node = core.mapper.createObjectNode();
        node.put("id", tag.id());
        node.put("name", tag.name());
        node.put("description", tag.description());
        node.put("auto_assign", tag.autoAssign());
        node.put("document_count", documentCount);
        return node;
    }
}
