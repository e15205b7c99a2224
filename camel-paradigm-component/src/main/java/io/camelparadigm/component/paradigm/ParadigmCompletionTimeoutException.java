package io.camelparadigm.component.paradigm;

import java.time.Duration;

import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** upload with waitForCompletion: the document was uploaded but still not processed when completionTimeout ran out. */
public class ParadigmCompletionTimeoutException extends ParadigmDocumentException {

    public ParadigmCompletionTimeoutException(ParadigmFile file, Duration waited) {
        super("upload", "document " + file.id() + " (" + file.filename() + ") still in status " + file.status()
                        + " after " + waited.toMillis() + " ms (completionTimeout); it was uploaded and may still finish",
              file);
    }
}
