package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.client.ParadigmException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** An operation ended on a document in a state the route asked to treat as an error; carries that document. */
public class ParadigmDocumentException extends ParadigmException {

    private final transient ParadigmFile file;

    public ParadigmDocumentException(String operation, String message, ParadigmFile file) {
        super(operation, message);
        this.file = file;
    }

    public ParadigmFile getFile() {
        return file;
    }
}
