package io.camelparadigm.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.MimeTypes;

/**
 * {@code DELETE /api/v3/files/{id}} (204) and {@code POST /api/v3/files/bulk-delete} with {@code {"ids": [...]}}:
 * all or nothing, every id is checked (known, visible, writable) before any file is deleted.
 */
final class FileDeletionEndpoints {

    private final EmulatorCore core;

    FileDeletionEndpoints(EmulatorCore core) {
        this.core = core;
    }

    ApiAnswer delete(ApiCall call, String idText) throws ApiException {
        core.store.exclusively(() -> {
            core.store.removeAll(List.of(core.writableDocument(call.caller(), idText)));
            return null;
        });
        return core.faults.takeDropAfterChange() ? ApiAnswer.drop() : ApiAnswer.noContent();
    }

    ApiAnswer bulkDelete(ApiCall call) throws ApiException {
        if (RequestBodies.type(call.request()) != MimeTypes.Type.APPLICATION_JSON) {
            throw RequestBodies.unsupported(call.request(), "application/json");
        }
        Set<Long> ids = ids(RequestBodies.json(call.request(), core.mapper));
        int deleted = core.store.exclusively(() -> {
            List<Document> documents = new ArrayList<>();
            List<Long> missing = new ArrayList<>();
            List<Long> readOnly = new ArrayList<>();
            for (long id : ids) {
                Optional<Document> found = core.store.find(id)
                        .filter(document -> call.caller().canSee(document.workspace.id()));
                if (found.isEmpty()) {
                    missing.add(id);
                } else if (!call.caller().canWrite(found.get().workspace.id())) {
                    readOnly.add(id);
                } else {
                    documents.add(found.get());
                }
            }
            if (!missing.isEmpty()) {
                throw ApiException.notFound("No file matches ids " + joined(missing) + ": nothing was deleted.");
            }
            if (!readOnly.isEmpty()) {
                throw ApiException.permissionDenied("You do not have permission to delete files " + joined(readOnly)
                        + ": nothing was deleted.");
            }
            core.store.removeAll(documents);
            return documents.size();
        });
        if (core.faults.takeDropAfterChange()) {
            return ApiAnswer.drop();
        }
        ObjectNode body = core.mapper.createObjectNode();
        body.put("deleted", deleted);
        return ApiAnswer.json(200, body);
    }

    /** {@code ids}: a non-empty list of integers (or their text, as Django REST Framework's IntegerField reads). */
    private static Set<Long> ids(JsonNode body) throws ApiException {
        if (!body.isObject() || !body.has("ids")) {
            throw ApiException.validation("required", "ids: This field is required.");
        }
        JsonNode ids = body.get("ids");
        if (!ids.isArray()) {
            throw ApiException.validation("not_a_list", "ids: Expected a list of items but got type \""
                    + ids.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "\".");
        }
        if (ids.isEmpty()) {
            throw ApiException.validation("empty", "ids: This list may not be empty.");
        }
        Set<Long> read = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            read.add(id(id));
        }
        return read;
    }

    private static long id(JsonNode id) throws ApiException {
        if (id.isIntegralNumber() && id.canConvertToLong()) {
            return id.asLong();
        }
        if (id.isTextual()) {
            try {
                return Long.parseLong(id.asText().trim());
            } catch (NumberFormatException notANumber) {
                // refused below
            }
        }
        throw ApiException.validation("invalid", "ids: A valid integer is required; got " + id + ".");
    }

    private static String joined(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
