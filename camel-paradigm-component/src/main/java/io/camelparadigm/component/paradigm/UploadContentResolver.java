package io.camelparadigm.component.paradigm;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.client.UploadContent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Turns an upload's message body into {@link UploadContent} and checks it before anything is sent: a file must
 * exist, be readable, not be empty and not exceed maxFileSize. Files are never read here, only looked at.
 */
final class UploadContentResolver {

    private static final String OPERATION = "upload";

    private final long maxFileSize;

    UploadContentResolver(long maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    /**
     * @param filename the filename the route set (option or header), used when the body has no name of its own
     */
    UploadContent resolve(Exchange exchange, String filename) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String name = filename;
        if (name == null) {
            name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null) {
            name = message.getHeader(Exchange.FILE_NAME, String.class);
        }
        if (body instanceof WrappedFile<?> wrapped) {
            Object file = wrapped.getFile();
            if (file instanceof File local && local.exists()) {
                return fromPath(local.toPath());
            }
            body = wrapped.getBody();
            if (body == null) {
                body = message.getBody(InputStream.class);
            }
        }
        if (body instanceof File file) {
            return fromPath(file.toPath());
        }
        if (body instanceof Path path) {
            return fromPath(path);
        }
        if (body instanceof byte[] bytes) {
            return fromBytes(bytes, name);
        }
        if (body instanceof String text) {
            return fromBytes(text.getBytes(StandardCharsets.UTF_8), name);
        }
        if (body instanceof InputStream stream) {
            return new UploadContent.FromStream(stream, requireName(name));
        }
        if (body == null) {
            throw new ParadigmValidationException(OPERATION, "the message has no body: send a File, Path, "
                                                             + "InputStream, byte[] or String");
        }
        InputStream converted = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
        if (converted == null) {
            throw new ParadigmValidationException(OPERATION, "cannot upload a body of type " + body.getClass().getName()
                                                             + ": send a File, Path, InputStream, byte[] or String");
        }
        return new UploadContent.FromStream(converted, requireName(name));
    }

    private UploadContent fromPath(Path path) {
        if (!Files.exists(path)) {
            throw new ParadigmValidationException(OPERATION, "file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ParadigmValidationException(OPERATION, "file " + path + " is not a readable regular file");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (java.io.IOException e) {
            throw new ParadigmValidationException(OPERATION, "cannot read the size of " + path + ": " + e.getMessage());
        }
        checkSize(path.toString(), size);
        return new UploadContent.FromFile(path);
    }

    private UploadContent fromBytes(byte[] bytes, String name) {
        checkSize("the message body", bytes.length);
        return new UploadContent.FromBytes(bytes, requireName(name));
    }

    private void checkSize(String what, long size) {
        if (size == 0) {
            throw new ParadigmValidationException(OPERATION, what + " is empty: Paradigm does not accept empty documents");
        }
        if (size > maxFileSize) {
            throw new ParadigmValidationException(OPERATION, what + " has " + size + " bytes, more than maxFileSize="
                                                             + maxFileSize + " (raise maxFileSize if your Paradigm "
                                                             + "instance accepts larger documents)");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ParadigmValidationException(OPERATION, "no filename for this body: set the filename option, the "
                                                             + ParadigmConstants.FILENAME + " header or CamelFileName");
        }
        return name;
    }
}
