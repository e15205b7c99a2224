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

    /**
     * Content that can be read again from its start, through a new stream each time (a spooled copy, a Camel stream
     * cache): sent again on a retry like a file.
     */
    record Reopenable(String name, long length, Source source) implements UploadContent {
        @Override
        public String defaultFilename() {
            return name;
        }

        @Override
        public boolean repeatable() {
            return true;
        }

        /** Opens the content from its start; the caller closes what it gets. */
        @FunctionalInterface
        public interface Source {
            InputStream open() throws java.io.IOException;
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
