package io.camelparadigm.examples.mail;

import java.util.List;
import java.util.Map;

import io.camelparadigm.component.paradigm.model.FileStatus;
import io.camelparadigm.component.paradigm.model.ParadigmFile;

/**
 * How Paradigm processed the documents of one email.
 *
 * @param status    COMPLETED (every document processed), PARTIAL (some failed), FAILED (all failed) or INCOMPLETE
 *                  (the outcome timeout passed before every document reached a final status)
 * @param documents the documents' final states, in the order their final status was seen
 */
public record EmailOutcome(String messageId, String subject, String status, int expectedDocuments,
                           List<ParadigmFile> documents) {

    public static final String COMPLETED = "COMPLETED";
    public static final String PARTIAL = "PARTIAL";
    public static final String FAILED = "FAILED";
    public static final String INCOMPLETE = "INCOMPLETE";

    public EmailOutcome {
        documents = List.copyOf(documents);
    }

    /** The outcome of the documents seen so far for one email (all of the same message id). */
    public static EmailOutcome of(List<ParadigmFile> documents) {
        Map<String, Object> metadata = metadata(documents.get(0));
        int expected = ((Number) metadata.get(EmailDocument.EMAIL_DOCUMENTS)).intValue();
        long failed = documents.stream().filter(file -> FileStatus.isFailure(file.status())).count();
        String status;
        if (documents.size() < expected) {
            status = INCOMPLETE;
        } else if (failed == 0) {
            status = COMPLETED;
        } else {
            status = failed == documents.size() ? FAILED : PARTIAL;
        }
        return new EmailOutcome((String) metadata.get(EmailDocument.MESSAGE_ID),
                (String) metadata.get(EmailDocument.SUBJECT), status, expected, documents);
    }

    static Map<String, Object> metadata(ParadigmFile file) {
        if (file.externalMetadata() == null || file.externalMetadata().additionalMetadata() == null) {
            throw new IllegalArgumentException("Paradigm file " + file.id() + " carries no email metadata");
        }
        return file.externalMetadata().additionalMetadata();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Email ").append(messageId).append(" \"").append(subject).append("\": ")
                .append(status).append(" (").append(documents.size()).append('/').append(expectedDocuments)
                .append(" documents)");
        for (ParadigmFile file : documents) {
            text.append("\n  ").append(file.id()).append(' ').append(file.filename()).append(": ").append(file.status());
            if (file.statusDetail() != null) {
                text.append(" - ").append(file.statusDetail());
            }
        }
        return text.toString();
    }
}
