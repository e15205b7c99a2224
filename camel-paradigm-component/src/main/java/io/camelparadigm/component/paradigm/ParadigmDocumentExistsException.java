package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** upload with onExisting=fail: a document with the same external id is already in Paradigm. */
public class ParadigmDocumentExistsException extends ParadigmDocumentException {

    public ParadigmDocumentExistsException(ParadigmFile existing) {
        super("upload", "a document with external_id '" + existing.externalId() + "' already exists (id "
                        + existing.id() + "); onExisting=fail",
              existing);
    }
}
