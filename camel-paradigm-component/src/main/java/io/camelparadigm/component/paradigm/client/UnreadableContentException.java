package io.camelparadigm.component.paradigm.client;

import java.io.IOException;

/**
 * The content of an upload could not be read while it was being sent (a file deleted, made unreadable or cut short
 * after it was checked): a local failure, which sending again cannot mend, unlike a broken connection. The service got
 * an incomplete request, which stores nothing.
 */
final class UnreadableContentException extends IOException {

    /** @param source what the content is read from: a file's path, else its name */
    UnreadableContentException(String source, IOException cause) {
        this(source, cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    UnreadableContentException(String source, String problem) {
        this(source, problem, null);
    }

    private UnreadableContentException(String source, String problem, IOException cause) {
        super("cannot read " + source + " to upload (" + problem + ")", cause);
    }
}
