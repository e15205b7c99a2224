package io.camelparadigm.examples.tickets;

import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/** The sentence a ticket gets (a work note, a comment) when Paradigm has finished with one of its documents. */
public final class ProcessingNote {

    private ProcessingNote() {
    }

    /**
     * @param attachment whether the document is one of the ticket's attachments (else the ticket's own text)
     * @param ticket     what the ticket is called: {@code incident}, {@code issue}
     */
    public static String of(ParadigmFile file, boolean attachment, String ticket) {
        if (FileStatus.isSuccess(file.status())) {
            return "Paradigm: " + (attachment ? "Attachment " + file.filename() : "This " + ticket)
                   + " is indexed and searchable (status " + file.status() + ", document " + file.id() + ").";
        }
        return "Paradigm could not index " + (attachment ? "attachment " + file.filename() : "this " + ticket) + ": "
               + file.status()
               + (file.statusDetail() == null || file.statusDetail().isBlank() ? "" : " - " + file.statusDetail())
               + " (document " + file.id() + ").";
    }
}
