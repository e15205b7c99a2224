package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** upload with waitForCompletion: Paradigm could not process the document; the message quotes status_detail. */
public class ParadigmProcessingFailedException extends ParadigmDocumentException {

    public ParadigmProcessingFailedException(ParadigmFile file) {
        super("upload", "document " + file.id() + " (" + file.filename() + ") ended in status " + file.status()
                        + ": " + (file.statusDetail() == null ? "no detail given" : file.statusDetail()),
              file);
    }

    public String getStatusDetail() {
        return getFile().statusDetail();
    }
}
