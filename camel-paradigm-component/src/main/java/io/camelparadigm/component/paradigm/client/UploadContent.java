package io.camelparadigm.component.paradigm.client;

import java.io.InputStream;
import java.nio.file.Path;

/** Where the bytes of an upload come from. A file is streamed from disk; nothing is read into memory first. */
public sealed interface UploadContent {

    /** The name used when the request gives no filename. */
    String defaultFilename();

    /** Whether the content can be sent a second time (a file or bytes can; a one-shot stream cannot). */
    boolean repeatable();

    record FromFile(Path path) implements UploadContent {
        @Override
        public String defaultFilename() {
            return path.getFileName().toString();
        }

        @Override
        public boolean repeatable() {
            return true;
        }
    }

    record FromBytes(byte[] bytes, String name) implements UploadContent {
        @Override
        public String defaultFilename() {
            return name;
        }

        @Override
        public boolean repeatable() {
            return true;
        }
    }

    /** A stream is read once, while the request is sent; the caller closes it. */
    record FromStream(InputStream stream, String name) implements UploadContent {
        @Override
        public String defaultFilename() {
            return name;
        }

        @Override
        public boolean repeatable() {
            return false;
        }
    }
}
