package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.core5.http.ContentType;

/** A multipart file part that opens its content anew each time it is written, so a retry sends it whole again. */
final class ReopenableBody extends AbstractContentBody {

    private final UploadContent.Reopenable content;
    private final String filename;

    ReopenableBody(UploadContent.Reopenable content, String filename) {
        super(ContentType.APPLICATION_OCTET_STREAM);
        this.content = content;
        this.filename = filename;
    }

    @Override
    public String getFilename() {
        return filename;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = content.source().open()) {
            in.transferTo(out);
        }
    }

    @Override
    public long getContentLength() {
        return content.length();
    }
}
