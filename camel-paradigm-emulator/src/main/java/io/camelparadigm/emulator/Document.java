package io.camelparadigm.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One stored document. Its status is not stored: it is derived from the clock ({@link #stateAt}), so that
 * moving a manual clock applies every due transition at once and listing 100,000 files needs no scheduler.
 */
final class Document {

    private static final Set<String> VISION_EXTENSIONS = Set.of("pdf", "png", "jpg", "jpeg", "tif", "tiff", "pptx", "ppt");
    private static final long BYTES_PER_PAGE = 100 * 1024;

    /** Status and what follows from it at one instant. */
    record State(String status, String statusVision, String statusDetail, long updatedAtMicros, int totalPages) {
    }

    final long id;
    final Accounts.Workspace workspace;
    final long createdAtMicros;
    final String uploadSessionUuid;
    final Accounts.User createdBy;
    final String parser;
    final Integer fixedTotalPages;
    // What a PATCH can change (title, external metadata, the content and what follows from it); written under
    // this document's lock, read without it.
    volatile String filename;
    volatile String title;
    volatile String extension;
    volatile long size;
    volatile String sha256;
    volatile String content;
    volatile ProcessingPlan plan;
    volatile ObjectNode externalMetadata;
    /** When the current processing cycle began: the creation, or the last content replacement. */
    private volatile long processingStartMicros;
    private final Set<Long> tagIds = new LinkedHashSet<>();
    private long lastEditMicros;
    private String statusVisionOverride;

    Document(long id, Accounts.Workspace workspace, String filename, String title, long size, String sha256,
             long createdAtMicros, String uploadSessionUuid, ObjectNode externalMetadata, Accounts.User createdBy,
             String parser, String content, Integer fixedTotalPages, ProcessingPlan plan, List<Long> tagIds) {
        this.id = id;
        this.workspace = workspace;
        this.filename = filename;
        this.title = title;
        this.extension = extensionOf(filename);
        this.size = size;
        this.sha256 = sha256;
        this.createdAtMicros = createdAtMicros;
        this.uploadSessionUuid = uploadSessionUuid;
        this.externalMetadata = externalMetadata;
        this.createdBy = createdBy;
        this.parser = parser;
        this.content = content;
        this.fixedTotalPages = fixedTotalPages;
        this.plan = plan;
        this.tagIds.addAll(tagIds);
        this.lastEditMicros = createdAtMicros;
        this.processingStartMicros = createdAtMicros;
    }

    /** The extension without its dot, lower-cased, as Python's {@code os.path.splitext} finds it. */
    static String extensionOf(String filename) {
        String extension = UploadedFileName.splitExtension(filename)[1];
        return extension.isEmpty() ? "" : extension.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The default title: the filename without its extension ({@code os.path.splitext}). */
    static String titleFrom(String filename) {
        return UploadedFileName.splitExtension(filename)[0];
    }

    synchronized List<Long> tagIds() {
        return new ArrayList<>(tagIds);
    }

    synchronized boolean hasAnyTag(Set<Long> wanted) {
        for (Long tagId : tagIds) {
            if (wanted.contains(tagId)) {
                return true;
            }
        }
        return false;
    }

    /** Adds the tags not there yet, stamping the change; returns how many were new. */
    synchronized int addTags(List<Long> newTagIds, long nowMicros) {
        int added = 0;
        for (Long tagId : newTagIds) {
            if (tagIds.add(tagId)) {
                added++;
            }
        }
        if (added > 0) {
            lastEditMicros = Math.max(lastEditMicros, nowMicros);
        }
        return added;
    }

    /** Removes one tag, stamping the change; false when the document did not carry it. */
    synchronized boolean removeTag(long tagId, long nowMicros) {
        if (!tagIds.remove(tagId)) {
            return false;
        }
        lastEditMicros = Math.max(lastEditMicros, nowMicros);
        return true;
    }

    /**
     * Applies a PATCH at once, stamping the change: each non-null argument replaces what the document has
     * ({@code tagIds} all its tags, {@code externalMetadata} the metadata already merged by the caller). New content
     * starts processing over from pending, as an upload does.
     */
    synchronized void patch(String newTitle, List<Long> newTagIds, ObjectNode newExternalMetadata,
                            NewContent newContent, long nowMicros) {
        if (newTitle != null) {
            title = newTitle;
        }
        if (newTagIds != null) {
            tagIds.clear();
            tagIds.addAll(newTagIds);
        }
        if (newExternalMetadata != null) {
            externalMetadata = newExternalMetadata;
        }
        if (newContent != null) {
            filename = newContent.filename();
            extension = extensionOf(newContent.filename());
            size = newContent.size();
            sha256 = newContent.sha256();
            content = newContent.text();
            plan = newContent.plan();
            statusVisionOverride = null;
            processingStartMicros = nowMicros;
        }
        lastEditMicros = Math.max(lastEditMicros, nowMicros);
    }

    /** Content replacing a document's, and how it will be processed. */
    record NewContent(String filename, long size, String sha256, String text, ProcessingPlan plan) {
    }

    String externalId() {
        return externalMetadata != null && externalMetadata.hasNonNull("external_id")
                ? externalMetadata.get("external_id").asText() : null;
    }

    String docType() {
        return externalMetadata != null && externalMetadata.hasNonNull("doc_type")
                ? externalMetadata.get("doc_type").asText() : null;
    }

    /** From now on status_vision reads {@code statusVision}, whatever the status; stamps the change. */
    synchronized void overrideStatusVision(String statusVision, long nowMicros) {
        statusVisionOverride = statusVision;
        lastEditMicros = Math.max(lastEditMicros, nowMicros);
    }

    /** No transition or edit of this document can be later than this, whatever the clock says. */
    long latestPossibleUpdateMicros(long stepMicros) {
        long editedAt;
        synchronized (this) {
            editedAt = lastEditMicros;
        }
        ProcessingPlan current = plan;
        long started = processingStartMicros;
        long lastTransition = current.fixed() ? started
                : started + (current.statuses().size() - 1) * Math.max(0, stepMicros);
        return Math.max(lastTransition, editedAt);
    }

    State stateAt(long nowMicros, long stepMicros) {
        State state = computedStateAt(nowMicros, stepMicros);
        String visionOverride;
        synchronized (this) {
            visionOverride = statusVisionOverride;
        }
        return visionOverride == null ? state : new State(state.status(), visionOverride, state.statusDetail(),
                state.updatedAtMicros(), state.totalPages());
    }

    private State computedStateAt(long nowMicros, long stepMicros) {
        long editedAt;
        ProcessingPlan plan;
        long started;
        synchronized (this) {
            editedAt = lastEditMicros;
            plan = this.plan;
            started = processingStartMicros;
        }
        List<String> statuses = plan.statuses();
        if (plan.fixed()) {
            String status = statuses.get(0);
            String vision = plan.statusVision() != null ? plan.statusVision() : visionFor(plan, status);
            String detail = plan.isFailed(status) ? detailOrDefault(plan, status) : null;
            return new State(status, vision, detail, editedAt, pagesFor(status));
        }
        int last = statuses.size() - 1;
        int index;
        if (nowMicros < started) {
            index = 0;
        } else if (stepMicros <= 0) {
            index = last;
        } else {
            index = (int) Math.min(last, (nowMicros - started) / stepMicros);
        }
        String status = statuses.get(index);
        long transitionAt = started + index * Math.max(0, stepMicros);
        String detail = plan.isFailed(status) ? detailOrDefault(plan, status) : null;
        return new State(status, visionFor(plan, status), detail, Math.max(transitionAt, editedAt), pagesFor(status));
    }

    /** When the last transition of the current processing cycle is due; {@code Long.MIN_VALUE} for a fixed status. */
    long processingEndMicros(long stepMicros) {
        ProcessingPlan current = plan;
        return current.fixed() ? Long.MIN_VALUE
                : processingStartMicros + (current.statuses().size() - 1) * Math.max(0, stepMicros);
    }

    private static String detailOrDefault(ProcessingPlan plan, String status) {
        return plan.statusDetail() != null ? plan.statusDetail() : "Processing ended with status " + status;
    }

    /**
     * Vision processing (page images) runs only for paged formats; others read "-" once processing starts.
     * It is null while the document waits, as in the upload answer.
     */
    private String visionFor(ProcessingPlan plan, String status) {
        if (status.equals("pending")) {
            return null;
        }
        if (!VISION_EXTENSIONS.contains(extension)) {
            return "-";
        }
        if (plan.isFailed(status)) {
            return "fail";
        }
        return status.equals("embedded") || status.equals("parsed") ? "embedded" : "processing";
    }

    private int pagesFor(String status) {
        if (fixedTotalPages != null) {
            return fixedTotalPages;
        }
        boolean parsed = status.equals("embedding") || status.equals("embedded") || status.equals("parsed")
                || status.equals("embedding_failed");
        return parsed ? (int) Math.min(Integer.MAX_VALUE, 1 + size / BYTES_PER_PAGE) : 0;
    }
}
