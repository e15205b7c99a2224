package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/** A multipart file part that opens its content anew each time it is written, so a retry sends it whole again. */
final class ReopenableBody extends AbstractContentBody {

    private static final int BUFFER_SIZE = 8192;

    private final UploadContent.Reopenable content;
    private final String filename;
    private final String source;

    /** @param source what the content is read from, named when it cannot be read: a file's path, else its name */
    ReopenableBody(UploadContent.Reopenable content, String filename, String source) {
        super(ContentType.APPLICATION_OCTET_STREAM);
        this.content = content;
        this.filename = filename;
        this.source = source;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    /**
     * Copies the content; a failure to read it (unlike one to write, a broken connection) is an
     * {@link UnreadableContentException}, and so is content that ends before its announced length (a file cut short
     * while it was sent), which would otherwise leave the service waiting for the rest, and content that goes on past
     * it (a file written to while it was sent): HttpClient drops what goes past a request's Content-Length, so the
     * extra bytes would take the place of the fields and the closing boundary after the file part.
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        InputStream in;
        try {
            in = content.source().open();
        } catch (IOException e) {
            throw new UnreadableContentException(source, e);
        }
        long length = content.length();
        try (in) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long copied = 0;
            while (length < 0 || copied < length) {
                int read = read(in, buffer, length < 0 ? buffer.length : (int) Math.min(buffer.length, length - copied));
                if (read < 0) {
                    break;
                }
                out.write(buffer, 0, read);
                copied += read;
            }
            if (length >= 0 && copied < length) {
                throw new UnreadableContentException(source, "it ended after " + copied + " of its " + length
                                                             + " bytes: it was cut short while it was sent");
            }
            if (length >= 0 && read(in, buffer, 1) >= 0) {
                throw new UnreadableContentException(source, "it holds more than the " + length + " bytes it had when "
                                                             + "the upload started: it was written to while it was "
                                                             + "sent");
            }
        }
    }

    private int read(InputStream in, byte[] buffer, int atMost) throws UnreadableContentException {
        try {
            return in.read(buffer, 0, atMost);
        } catch (IOException e) {
            throw new UnreadableContentException(source, e);
        }
    }

    @Override
    public long getContentLength() {
        return content.length();
    }
}
