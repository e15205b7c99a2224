package io.camelparadigm.emulator.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A multipart/form-data body encoded by HttpClient 5 into memory (test files are small), with the
 * {@code Content-Type} header (boundary included) that goes with it.
 */
record MultipartBody(byte[] bytes, String contentType) {

    /**
     * Text parts carry {@code text/plain} without a charset (values are ASCII): openapi4j compares part
     * types literally and reads a {@code text/plain; charset=...} part as a string, so "42" would not
     * pass as an integer.
     */
    static final ContentType TEXT = ContentType.create("text/plain");
    static final ContentType JSON = ContentType.create("application/json");

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        // No charset parameter on the body's Content-Type: openapi4j 1.0.7 reads everything after
        // "charset=" as the charset name, so "charset=ISO-8859-1; boundary=..." breaks it.
        private final MultipartEntityBuilder entity = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.STRICT)
                .setContentType(ContentType.create("multipart/form-data"));

        private Builder() {
        }

        Builder file(String name, String filename, byte[] content) {
            entity.addBinaryBody(name, content, ContentType.APPLICATION_OCTET_STREAM, filename);
            return this;
        }

        Builder text(String name, Object value) {
            entity.addTextBody(name, String.valueOf(value), TEXT);
            return this;
        }

        Builder json(String name, String json) {
            entity.addTextBody(name, json, JSON);
            return this;
        }

        MultipartBody build() {
            HttpEntity built = entity.build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                built.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new MultipartBody(out.toByteArray(), built.getContentType());
        }
    }
}
