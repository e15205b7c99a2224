package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** upload with failOnTagError=true: the document was stored (HTTP 207) but some tags were not applied. */
public class ParadigmTagsNotAppliedException extends ParadigmDocumentException {

    public ParadigmTagsNotAppliedException(ParadigmFile file) {
        super("upload", "HTTP 207: document " + file.id() + " was stored but tags were not applied: " + file.message(),
              file);
    }
}
