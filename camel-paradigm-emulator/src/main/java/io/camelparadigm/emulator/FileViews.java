package io.camelparadigm.emulator;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON shapes of a document: upload answer, list item, single file. */
final class FileViews {

    private final EmulatorCore core;

    FileViews(EmulatorCore core) {
        this.core = core;
    }

    /** Answer of {@code POST /api/v3/files}. */
    ObjectNode uploaded(Document document, Document.State state, String message) {
        ObjectNode node = common(document, state, false);
        node.set("external_metadata", externalMetadata(document));
        node.put("message", message);
        return node;
    }

    /** One item of {@code GET /api/v3/files}. */
    ObjectNode listItem(Document document, Document.State state, boolean includeDetails, JsonNode searchDetails) {
        ObjectNode node = common(document, state, true);
        node.set("search_details", searchDetails);
        if (includeDetails) {
            node.put("signature", signature(document));
            node.put("parser", document.parser);
        } else {
            node.putNull("signature");
        }
        node.set("external_metadata", externalMetadata(document));
        return node;
    }

    /** Answer of {@code GET /api/v3/files/{id}} and {@code POST /api/v3/files/{id}/tags}. */
    ObjectNode retrieved(Document document, Document.State state, boolean includeContent) {
        ObjectNode node = common(document, state, true);
        node.put("signature", signature(document));
        node.put("parser", document.parser);
        if (includeContent) {
            node.put("content", contentOf(document, state));
        }
        node.set("external_metadata", externalMetadata(document));
        return node;
    }

    private ObjectNode common(Document document, Document.State state, boolean withSizeAndDetail) {
        ObjectNode node = core.mapper.createObjectNode();
        node.put("id", document.id);
        node.put("filename", document.filename);
        ObjectNode workspace = node.putObject("workspace");
        workspace.put("id", document.workspace.id());
        workspace.put("name", document.workspace.name());
        workspace.put("workspace_type", document.workspace.type());
        ArrayNode summaries = node.putArray("summaries");
        if (state.status().equals("embedded")) {
            ObjectNode summary = summaries.addObject();
            summary.put("language", "en");
            summary.put("summary", "Summary of " + document.title + ".");
        }
        node.put("title", document.title);
        node.put("extension", document.extension);
        node.put("status", state.status());
        if (withSizeAndDetail && state.statusDetail() != null) {
            node.put("status_detail", state.statusDetail());
        }
        node.put("status_vision", state.statusVision());
        node.put("created_at", Timestamps.format(document.createdAtMicros));
        node.put("updated_at", Timestamps.format(state.updatedAtMicros()));
        node.put("total_pages", state.totalPages());
        if (withSizeAndDetail) {
            node.put("size", document.size);
        }
        ArrayNode tags = node.putArray("tags");
        for (Long tagId : document.tagIds()) {
            core.accounts.tag(tagId).ifPresent(tag -> {
                ObjectNode item = tags.addObject();
                item.put("id", tag.id());
                item.put("name", tag.name());
                item.put("auto_assigned", false);
            });
        }
        ObjectNode createdBy = node.putObject("created_by");
        createdBy.put("id", document.createdBy.id());
        createdBy.put("first_name", document.createdBy.firstName());
        createdBy.put("last_name", document.createdBy.lastName());
        createdBy.put("username", document.createdBy.username());
        node.put("upload_session_uuid", document.uploadSessionUuid);
        return node;
    }

    private JsonNode externalMetadata(Document document) {
        return document.externalMetadata == null ? core.mapper.nullNode() : document.externalMetadata.deepCopy();
    }

    /** A stand-in for the TLSH signature: stable per content. */
    private static String signature(Document document) {
        return "T1" + document.sha256.toUpperCase(Locale.ROOT);
    }

    /** Parsed text exists once parsing is over. */
    static String contentOf(Document document, Document.State state) {
        boolean parsed = state.status().equals("embedding") || state.status().equals("embedded")
                || state.status().equals("parsed") || state.status().equals("embedding_failed");
        return parsed ? document.content : null;
    }
}
