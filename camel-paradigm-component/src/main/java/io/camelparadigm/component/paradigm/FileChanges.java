package io.camelparadigm.component.paradigm;

import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.FileUpdate;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.client.UploadContent;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * updateFile, deleteFile, bulkDelete and removeTag: changing and removing documents already in Paradigm. A document
 * is named by its file id, else by its external id (exact match, within the workspace filter). Removing what is
 * already gone succeeds with CamelParadigmDeleted=false unless failIfAbsent, so a sync can repeat a delete.
 */
final class FileChanges {

    private final ParadigmConfiguration configuration;
    private final ParadigmClient client;

    FileChanges(ParadigmConfiguration configuration, ParadigmClient client) {
        this.configuration = configuration;
        this.client = client;
    }

    /** The body, when it is not null nor a document left by a previous step, is the new content. */
    void updateFile(Exchange exchange) {
        String operation = ParadigmOperations.updateFile.name();
        Message message = exchange.getMessage();
        ExchangeInputs inputs = new ExchangeInputs(message, configuration, operation);
        String title = inputs.name(ParadigmConstants.TITLE, "title", configuration.getTitle());
        List<Long> tags = inputs.tags(ParadigmConstants.TAGS);
        ExternalMetadata metadata = ExternalMetadataResolver.resolve(message, configuration, operation, false);
        String filename = inputs.name(ParadigmConstants.FILENAME, "filename", configuration.getFilename());
        Object body = message.getBody();
        UploadContent content = body == null || body instanceof ParadigmFile ? null
                : new UploadContentResolver(operation, configuration.getMaxFileSize()).resolve(exchange, filename, true);
        FileUpdate update = new FileUpdate(title, tags.isEmpty() ? null : tags, changes(metadata), content, filename);
        if (update.isEmpty()) {
            throw new ParadigmValidationException(operation, "nothing to change: send new content in the body, or set "
                                                             + "a title, tags or external metadata (options or "
                                                             + "CamelParadigm* headers)");
        }
        ParadigmFile file = client.updateFile(target(inputs), update);
        ParadigmProducer.setFileHeaders(message, file);
        message.setBody(file);
    }

    /** Deletes the file named by id, or every document with the external id. */
    void deleteFile(Exchange exchange) {
        String operation = ParadigmOperations.deleteFile.name();
        Message message = exchange.getMessage();
        ExchangeInputs inputs = new ExchangeInputs(message, configuration, operation);
        Long fileId = inputs.optionalFileId();
        List<Long> ids;
        if (fileId != null) {
            ids = List.of(fileId);
        } else {
            String externalId = externalId(inputs);
            ids = client.listAllFiles(byExternalId(inputs, externalId), 0).stream().map(ParadigmFile::id).toList();
            if (ids.isEmpty() && configuration.isFailIfAbsent()) {
                throw new ParadigmDocumentNotFoundException(operation, externalId, inputs.workspaceFilter());
            }
        }
        List<Long> deleted = new ArrayList<>();
        for (long id : ids) {
            try {
                client.deleteFile(id);
                deleted.add(id);
            } catch (ParadigmApiException e) {
                if (e.getHttpStatus() != 404 || configuration.isFailIfAbsent()) {
                    throw e;
                }
            }
        }
        removed(message, deleted, !ids.isEmpty() && deleted.size() == ids.size());
    }

    /** Deletes every file of the CamelParadigmFileIds header (else the body) or none, as the service does. */
    void bulkDelete(Exchange exchange) {
        String operation = ParadigmOperations.bulkDelete.name();
        Message message = exchange.getMessage();
        Object header = message.getHeader(ParadigmConstants.FILE_IDS);
        List<Long> ids = InputRules.ids(operation, header != null ? "header " + ParadigmConstants.FILE_IDS
                : "the message body", header != null ? header : message.getBody()).stream().distinct().toList();
        if (ids.isEmpty()) {
            throw new ParadigmValidationException(operation, "no file ids to delete: set the "
                                                             + ParadigmConstants.FILE_IDS + " header or a body such "
                                                             + "as 1,2,3");
        }
        List<Long> deleted = ids;
        try {
            client.bulkDelete(ids);
        } catch (ParadigmApiException e) {
            if (e.getHttpStatus() != 404 || configuration.isFailIfAbsent()) {
                throw e;
            }
            // all or nothing: nothing was deleted; delete those still there
            deleted = ids.stream().filter(client::fileExists).toList();
            if (!deleted.isEmpty()) {
                client.bulkDelete(deleted);
            }
        }
        removed(message, deleted, deleted.size() == ids.size());
    }

    /** Takes the tags of the tags option or CamelParadigmTags header (else the body) off the file. */
    void removeTag(Exchange exchange) {
        String operation = ParadigmOperations.removeTag.name();
        Message message = exchange.getMessage();
        ExchangeInputs inputs = new ExchangeInputs(message, configuration, operation);
        List<Long> tags = message.getHeader(ParadigmConstants.TAGS) == null && configuration.getTags() == null
                ? InputRules.ids(operation, "the message body", message.getBody())
                : inputs.tags(ParadigmConstants.TAGS);
        if (tags.isEmpty()) {
            throw new ParadigmValidationException(operation, "no tags to remove: set the tags option, the "
                                                             + ParadigmConstants.TAGS + " header or a body such as 1,2");
        }
        long fileId = target(inputs);
        List<Long> removed = new ArrayList<>();
        for (long tag : tags) {
            try {
                client.removeTag(fileId, tag);
                removed.add(tag);
            } catch (ParadigmApiException e) {
                // a 404 for a file still there means the file does not carry the tag
                if (e.getHttpStatus() != 404 || configuration.isFailIfAbsent() || !client.fileExists(fileId)) {
                    throw e;
                }
            }
        }
        message.setHeader(ParadigmConstants.FILE_ID, fileId);
        removed(message, removed, removed.size() == tags.size());
    }

    private static void removed(Message message, List<Long> ids, boolean all) {
        message.setHeader(ParadigmConstants.DELETED, all);
        message.setHeader(ParadigmConstants.COUNT, (long) ids.size());
        message.setBody(List.copyOf(ids));
    }

    /** The file id given, else the newest document with the external id given. */
    private long target(ExchangeInputs inputs) {
        Long fileId = inputs.optionalFileId();
        if (fileId != null) {
            return fileId;
        }
        String externalId = externalId(inputs);
        List<ParadigmFile> found = client.listFiles(byExternalId(inputs, externalId).toBuilder().pageSize(1).build())
                .results();
        if (found.isEmpty()) {
            throw new ParadigmDocumentNotFoundException(inputs.operation(), externalId, inputs.workspaceFilter());
        }
        return found.get(0).id();
    }

    private String externalId(ExchangeInputs inputs) {
        String externalId = inputs.text(ParadigmConstants.EXTERNAL_ID, configuration.getExternalId());
        if (externalId == null || externalId.isBlank()) {
            throw new ParadigmValidationException(inputs.operation(), "no document named: set the fileId option or the "
                                                                      + ParadigmConstants.FILE_ID + " header, or the "
                                                                      + "externalId option or the "
                                                                      + ParadigmConstants.EXTERNAL_ID + " header");
        }
        return externalId;
    }

    private static FileQuery byExternalId(ExchangeInputs inputs, String externalId) {
        return FileQuery.builder().externalId(externalId).workspaceIds(inputs.workspaceFilter()).build();
    }

    /** What the metadata changes: nothing when it only repeats the external id (which cannot change). */
    private static ExternalMetadata changes(ExternalMetadata metadata) {
        return metadata == null || metadata.docType() == null && metadata.additionalMetadata() == null ? null : metadata;
    }
}
