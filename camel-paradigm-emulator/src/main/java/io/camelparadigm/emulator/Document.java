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
    final String filename;
    final String title;
    final String extension;
    final long size;
    final String sha256;
    final long createdAtMicros;
    final String uploadSessionUuid;
    final ObjectNode externalMetadata;
    final Accounts.User createdBy;
    final String parser;
    final String content;
    final Integer fixedTotalPages;
    final ProcessingPlan plan;
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
        long lastTransition = plan.fixed() ? createdAtMicros
                : createdAtMicros + (plan.statuses().size() - 1) * Math.max(0, stepMicros);
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
        synchronized (this) {
            editedAt = lastEditMicros;
        }
        List<String> statuses = plan.statuses();
        if (plan.fixed()) {
            String status = statuses.get(0);
            String vision = plan.statusVision() != null ? plan.statusVision() : visionFor(status);
            String detail = plan.isFailed(status) ? detailOrDefault(status) : null;
            return new State(status, vision, detail, editedAt, pagesFor(status));
        }
        int last = statuses.size() - 1;
        int index;
        if (nowMicros < createdAtMicros) {
            index = 0;
        } else if (stepMicros <= 0) {
            index = last;
        } else {
            index = (int) Math.min(last, (nowMicros - createdAtMicros) / stepMicros);
        }
        String status = statuses.get(index);
        long transitionAt = createdAtMicros + index * Math.max(0, stepMicros);
        String detail = plan.isFailed(status) ? detailOrDefault(status) : null;
        return new State(status, visionFor(status), detail, Math.max(transitionAt, editedAt), pagesFor(status));
    }

    private String detailOrDefault(String status) {
        return plan.statusDetail() != null ? plan.statusDetail() : "Processing ended with status " + status;
    }

    /**
     * Vision processing (page images) runs only for paged formats; others read "-" once processing starts.
     * It is null while the document waits, as in the upload answer.
     */
    private String visionFor(String status) {
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
