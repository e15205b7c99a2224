package io.camelparadigm.examples.uploader;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.ProducerTemplate;

/**
 * {@code --delete-missing}: after a complete walk, deletes the documents whose file is gone. The candidates are the
 * state file's done files the walk did not see, each with the id of the document this uploader stored for it, read
 * a hundred at a time (no list of the folder or of the workspace is kept). Each candidate is read from Paradigm
 * first and deleted only when its external id is a file URI under this folder and that file does not exist: a
 * document with another external id is never deleted, whatever the state file says.
 *
 * <p>Nothing is done twice after an interruption: a deleted document is forgotten by the state file; one deleted by
 * a run killed before it could record it reads 404 and is forgotten without a second deletion.
 */
final class MissingDocuments {

    private static final int BATCH = 100;

    private final UploadStateFile state;
    private final UploadProgress progress;
    private final SyncPlan plan;
    private final Function<String, String> relativePathOf;
    private final ProducerTemplate template;

    /** @param plan the dry run's plan, which gets the documents to delete instead of their deletion; null otherwise */
    MissingDocuments(UploadStateFile state, UploadProgress progress, SyncPlan plan, Path folder,
                     ProducerTemplate template) {
        this.state = state;
        this.progress = progress;
        this.plan = plan;
        this.relativePathOf = FolderUploadJob.relativePathOf(folder);
        this.template = template;
    }

    void deleteAll() {
        int from = 0;
        while (!progress.isStopping()) {
            List<UploadStateFile.Unseen> batch = state.unseen(from, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (UploadStateFile.Unseen unseen : batch) {
                if (progress.isStopping()) {
                    return;
                }
                delete(unseen);
            }
            from = batch.get(batch.size() - 1).slot() + 1;
        }
    }

    private void delete(UploadStateFile.Unseen unseen) {
        ParadigmFile document;
        try {
            document = template.requestBodyAndHeader("paradigm:getFile", null, ParadigmConstants.FILE_ID,
                    unseen.documentId(), ParadigmFile.class);
        } catch (RuntimeException e) {
            if (isNotFound(e)) {
                state.forget(unseen.slot()); // already deleted (by a run killed before it recorded it, or by hand)
                progress.alreadyDeleted();
            } else {
                progress.deleteFailed("document " + unseen.documentId(), UploadSteps.reason(FolderUploadJob.rootCause(e)));
            }
            return;
        }
        String relativePath = document.externalId() == null ? null : relativePathOf.apply(document.externalId());
        if (relativePath == null) {
            state.forget(unseen.slot()); // not a file of this folder: never deleted
            return;
        }
        if (Files.exists(Path.of(URI.create(document.externalId())))) {
            state.seen(unseen.slot()); // still there, left out of the walk by the include/exclude lists
            return;
        }
        if (plan != null) {
            plan.add(SyncPlan.Kind.TO_DELETE, relativePath);
            return;
        }
        try {
            template.requestBodyAndHeader("paradigm:deleteFile", null, ParadigmConstants.FILE_ID, document.id());
            state.forget(unseen.slot());
            progress.deleted();
        } catch (RuntimeException e) {
            progress.deleteFailed(relativePath, UploadSteps.reason(FolderUploadJob.rootCause(e)));
        }
    }

    private static boolean isNotFound(Throwable failure) {
        return FolderUploadJob.rootCause(failure) instanceof ParadigmApiException api && api.getHttpStatus() == 404;
    }
}
