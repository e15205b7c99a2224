package io.camelparadigm.component.paradigm.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A caller's one-shot stream sent as an upload's content: a failure to read it (a download that broke, a share gone)
 * is an {@link UnreadableContentException} naming it, not a failure of the connection to the service.
 */
final class OneShotContentStream extends FilterInputStream {

    private final String source;

    OneShotContentStream(InputStream stream, String source) {
        super(stream);
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private IOException unreadable(IOException e) {
        return e instanceof UnreadableContentException ? e : new UnreadableContentException(source, e);
    }
}
