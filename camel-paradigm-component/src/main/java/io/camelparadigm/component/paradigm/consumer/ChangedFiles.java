package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * The listings the consumers make: files changed since an instant, and the files of one upload session, both
 * narrowed by the endpoint's filters. The API orders only by created_at, title or filename, so changes are
 * fetched in created_at order (stable paging) and sorted by updated_at, then id, here.
 */
final class ChangedFiles {

    static final Comparator<ParadigmFile> BY_UPDATE = Comparator
            .comparing(ChangedFiles::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(ParadigmFile::id);

    private final ParadigmClient client;
    private final ParadigmConfiguration configuration;

    ChangedFiles(ParadigmClient client, ParadigmConfiguration configuration) {
        this.client = client;
        this.configuration = configuration;
    }

    /** Files whose updated_at is at or after {@code since} (every matching file when null), oldest change first. */
    List<ParadigmFile> since(Instant since) {
        FileQuery query = filters()
                .updatedAtAfter(since == null ? null : since.toString())
                .build();
        List<ParadigmFile> files = new ArrayList<>(client.listAllFiles(query, 0));
        files.sort(BY_UPDATE);
        return files;
    }

    /** Every file of one upload session that the filters let through. */
    List<ParadigmFile> inSession(String uploadSessionUuid) {
        return client.listAllFiles(filters().uploadSessionUuid(uploadSessionUuid).build(), 0);
    }

    private FileQuery.Builder filters() {
        FileQuery.Builder builder = FileQuery.builder()
                .ordering("created_at")
                .pageSize(configuration.getPageSize())
                .uploadSessionUuid(configuration.getUploadSessionUuid())
                .docType(configuration.getDocType())
                .extension(configuration.getExtension())
                .tagIds(tagIds(configuration.getTags()))
                .workspaceIds(configuration.workspaceFilter());
        return builder;
    }

    static Instant updatedAt(ParadigmFile file) {
        if (file.updatedAt() != null) {
            return file.updatedAt().toInstant();
        }
        return file.createdAt() == null ? null : file.createdAt().toInstant();
    }

    /** The later of two instants; null when both are. */
    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static List<Long> tagIds(String tags) {
        if (tags == null || tags.isBlank()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String tag : tags.split(",")) {
            if (!tag.isBlank()) {
                try {
                    ids.add(Long.parseLong(tag.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("tags must be comma-separated tag ids, not '" + tags + "'");
                }
            }
        }
        return ids;
    }
}
