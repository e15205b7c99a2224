package io.camelparadigm.component.paradigm.client;

import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * The created document and how the service answered: 201, or 207 when the document was stored but some tags
 * were not applied ({@code file.message()} says which).
 */
public record UploadResult(ParadigmFile file, int httpStatus) {

    public boolean tagsApplied() {
        return httpStatus != 207;
    }
}
