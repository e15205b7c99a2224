package io.camelparadigm.examples.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.activation.DataHandler;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.attachment.AttachmentMessage;

/** Splits an email read by camel-mail into the documents to upload: its text body, then each attachment. */
public final class EmailDocuments {

    private EmailDocuments() {
    }

    /** The body becomes the list of {@link EmailDocument}s; empty parts are left out. */
    public static void split(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        String messageId = message.getHeader("Message-ID", String.class);
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("The email has no Message-ID: its documents could not be linked");
        }
        String subject = message.getHeader("Subject", "(no subject)", String.class);
        String from = message.getHeader("From", String.class);

        String text = message.getBody(String.class);
        AttachmentMessage withAttachments = exchange.getMessage(AttachmentMessage.class);
        Map<String, DataHandler> attachments = withAttachments.hasAttachments()
                                               ? withAttachments.getAttachments() : Map.of();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            parts.put(null, text.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, DataHandler> attachment : attachments.entrySet()) {
            try (InputStream in = attachment.getValue().getInputStream()) {
                byte[] content = in.readAllBytes();
                if (content.length > 0) { // Paradigm refuses empty documents
                    parts.put(attachment.getKey(), content);
                }
            }
        }

        List<EmailDocument> documents = new ArrayList<>();
        parts.forEach((attachmentName, content) -> documents.add(new EmailDocument(messageId, subject, from,
                attachmentName == null ? bodyFilename(text) : attachmentName, attachmentName, parts.size(), content)));
        message.setBody(documents);
    }

    private static String bodyFilename(String text) {
        return text.toLowerCase(Locale.ROOT).contains("<html") ? "email-body.html" : "email-body.txt";
    }
}
