package io.camelparadigm.examples.mail;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * One document made from an email: its text body or one of its attachments. Every document of an email carries the
 * same {@code message_id} and the number of documents of the email ({@code email_documents}), so that the outcome
 * route can tell when the whole email is processed.
 *
 * @param attachmentName null for the body
 */
public record EmailDocument(String messageId, String subject, String from, String filename, String attachmentName,
                            int emailDocuments, byte[] content) {

    public static final String DOC_TYPE_BODY = "email";
    public static final String DOC_TYPE_ATTACHMENT = "email-attachment";
    public static final String MESSAGE_ID = "message_id";
    public static final String SUBJECT = "subject";
    public static final String FROM = "from";
    public static final String ATTACHMENT_NAME = "attachment_name";
    public static final String EMAIL_DOCUMENTS = "email_documents";

    public boolean isBody() {
        return attachmentName == null;
    }

    /** Unique and stable per email part, so that reading the same email again uploads nothing twice (onExisting=skip). */
    public String externalId() {
        return messageId + (isBody() ? "#body" : "#attachment:" + attachmentName);
    }

    /** Turns the exchange into the paradigm:upload of this document. */
    public static void toUpload(Exchange exchange) {
        Message message = exchange.getMessage();
        EmailDocument document = message.getBody(EmailDocument.class);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(MESSAGE_ID, document.messageId());
        metadata.put(SUBJECT, document.subject());
        metadata.put(FROM, document.from());
        if (!document.isBody()) {
            metadata.put(ATTACHMENT_NAME, document.attachmentName());
        }
        metadata.put(EMAIL_DOCUMENTS, document.emailDocuments());
        message.setHeader(ParadigmConstants.FILENAME, document.filename());
        message.setHeader(ParadigmConstants.TITLE, document.isBody() ? document.subject() : document.attachmentName());
        message.setHeader(ParadigmConstants.EXTERNAL_ID, document.externalId());
        message.setHeader(ParadigmConstants.DOC_TYPE, document.isBody() ? DOC_TYPE_BODY : DOC_TYPE_ATTACHMENT);
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, metadata);
        message.setBody(document.content());
    }
}
