package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * A request body that aborts its request when its content cannot be read. HttpClient closes the body's stream even
 * when writing it failed, and a chunked body then ends cleanly with its last chunk: the service's parser (Django's)
 * takes a multipart body that ends without its closing boundary as whole, so the part of the file read would be stored
 * as the file (a PATCH would replace a document's content with it). Aborted, the connection is closed before that
 * last chunk, and the service gets an incomplete request, which it drops.
 */
final class AbortedWhenUnreadable extends HttpEntityWrapper {

    private final Cancellable request;

    AbortedWhenUnreadable(HttpEntity body, Cancellable request) {
        super(body);
        this.request = request;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            super.writeTo(out);
        } catch (UnreadableContentException e) {
            request.cancel();
            throw e;
        }
    }
}
