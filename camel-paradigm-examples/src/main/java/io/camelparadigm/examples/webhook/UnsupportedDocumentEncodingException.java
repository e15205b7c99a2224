package io.camelparadigm.examples.webhook;

/** A webhook request whose body is form-encoded instead of being the document itself. */
public class UnsupportedDocumentEncodingException extends RuntimeException {

    public UnsupportedDocumentEncodingException(String contentType) {
        super("the request body must be the document itself (e.g. Content-Type: application/octet-stream), not "
              + contentType + "; with curl: --data-binary @file -H 'Content-Type: application/octet-stream'");
    }
}
