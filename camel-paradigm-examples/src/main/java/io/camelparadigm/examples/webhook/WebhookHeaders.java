package io.camelparadigm.examples.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The request headers a webhook caller sets, and the paradigm: upload headers they become. Callers cannot set
 * {@code CamelParadigm*} headers themselves: platform-http drops incoming {@code Camel*} headers.
 */
public final class WebhookHeaders {

    /** Required: the document's file name, with its extension (Paradigm picks the parser from it). */
    public static final String FILENAME = "X-Document-Filename";
    public static final String TITLE = "X-Document-Title";
    /** The document's id in the caller's system; required by Paradigm when any other metadata below is sent. */
    public static final String EXTERNAL_ID = "X-Document-External-Id";
    public static final String DOC_TYPE = "X-Document-Type";
    public static final String EXTERNAL_URL = "X-Document-Url";
    /** Tag ids, comma-separated. */
    public static final String TAGS = "X-Document-Tags";

    private WebhookHeaders() {
    }

    public static void toUploadHeaders(Exchange exchange) {
        Message message = exchange.getMessage();
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, "", String.class).toLowerCase(Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/")) {
            // the HTTP server parses such bodies into form fields: the document's bytes would not survive
            throw new UnsupportedDocumentEncodingException(contentType);
        }
        copy(message, FILENAME, ParadigmConstants.FILENAME);
        copy(message, TITLE, ParadigmConstants.TITLE);
        copy(message, EXTERNAL_ID, ParadigmConstants.EXTERNAL_ID);
        copy(message, DOC_TYPE, ParadigmConstants.DOC_TYPE);
        copy(message, EXTERNAL_URL, ParadigmConstants.EXTERNAL_URL);
        copy(message, TAGS, ParadigmConstants.TAGS);
        // the request body is already buffered by the HTTP server: as bytes, its size is checked before sending
        message.setBody(message.getBody(byte[].class));
    }

    private static void copy(Message message, String from, String to) {
        String value = message.getHeader(from, String.class);
        if (value != null && !value.isBlank()) {
            message.setHeader(to, utf8(value.trim()));
        }
    }

    /**
     * The HTTP server reads header bytes as ISO-8859-1, while clients (curl, most HTTP libraries) send a name such
     * as {@code café.pdf} as its UTF-8 bytes: those are read back as UTF-8. A value that is not UTF-8 is kept as read.
     */
    static String utf8(String headerValue) {
        if (headerValue.chars().allMatch(c -> c < 0x80) || headerValue.chars().anyMatch(c -> c > 0xFF)) {
            return headerValue;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(headerValue.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return headerValue;
        }
    }
}
