package io.camelparadigm.component.paradigm.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.client.DatedPage;
import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.model.Page;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * The listings the consumers make, narrowed by the endpoint's filters: pages of changed files (walked by
 * {@link ChangeListing}), and the files of one upload session.
 */
final class ChangedFiles {

    private final ParadigmClient client;
    private final ParadigmConfiguration configuration;
    private final ServerClock serverClock;

    ChangedFiles(ParadigmClient client, ParadigmConfiguration configuration, ServerClock serverClock) {
        this.client = client;
        this.configuration = configuration;
        this.serverClock = serverClock;
    }

    ParadigmClient client() {
        return client;
    }

    /** One page of files in created_at order, with the server's Date. */
    DatedPage<ParadigmFile> page(FileQuery.Builder query) {
        return client.listFilesDated(query.build());
    }

    /** Every file of one upload session that the filters let through (the server's clock read on the way). */
    List<ParadigmFile> inSession(String uploadSessionUuid) {
        DatedPage<ParadigmFile> first = page(filters().uploadSessionUuid(uploadSessionUuid));
        serverClock.observe(first.serverDate());
        List<ParadigmFile> files = new ArrayList<>(first.page().results());
        for (Page<ParadigmFile> page = first.page(); page.next() != null; ) {
            page = client.listFilesPage(page.next());
            files.addAll(page.results());
        }
        return files;
    }

    /** The endpoint's filters, files in created_at order, pageSize per page. */
    FileQuery.Builder filters() {
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
