package io.camelparadigm.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** The request as the endpoints read it, keeping a copy of the body for exchange observers. */
final class RecordingRequest extends Request.Wrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean tooLarge;
    private boolean ended;

    RecordingRequest(Request request) {
        super(request);
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = super.read();
        if (chunk == null) {
            return null;
        }
        synchronized (body) {
            ByteBuffer data = chunk.getByteBuffer();
            if (data != null && data.hasRemaining() && !tooLarge) {
                if (body.size() + data.remaining() > ObservedExchange.MAX_RECORDED_BODY) {
                    tooLarge = true;
                    body.reset();
                } else {
                    ByteBuffer copy = data.slice();
                    byte[] bytes = new byte[copy.remaining()];
                    copy.get(bytes);
                    body.writeBytes(bytes);
                }
            }
            if (chunk.isLast() && !Content.Chunk.isFailure(chunk)) {
                ended = true;
            }
        }
        return chunk;
    }

    /** The whole body read, or null when it was not read to its end or was too large to keep. */
    byte[] recordedBody() {
        synchronized (body) {
            return ended && !tooLarge ? body.toByteArray() : null;
        }
    }
}
