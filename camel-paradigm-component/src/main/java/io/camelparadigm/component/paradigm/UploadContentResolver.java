package io.camelparadigm.component.paradigm;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.client.UploadContent;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.converter.stream.CachedOutputStream;

/**
 * Turns an upload's message body into {@link UploadContent} and checks it before anything is sent: a file must
 * exist, be readable, not be empty and not exceed maxFileSize. Files are never read here, only looked at. A Camel
 * stream cache is read again from its start for each try; a one-shot stream is sent as it comes, unless the
 * operation needs to read it twice: then it is first copied through Camel's stream caching (in memory, or in a
 * temporary file when the application turns spooling on; released when the exchange completes).
 */
final class UploadContentResolver {

    private final String operation;
    private final long maxFileSize;

    UploadContentResolver(long maxFileSize) {
        this("upload", maxFileSize);
    }

    UploadContentResolver(String operation, long maxFileSize) {
        this.operation = operation;
        this.maxFileSize = maxFileSize;
    }

    /**
     * @param filename the filename the route set (option or header), used when the body has no name of its own
     */
    UploadContent resolve(Exchange exchange, String filename) {
        return resolve(exchange, filename, false);
    }

    /**
     * @param rereadable true when the content must be readable more than once (hashed, then sent; re-sent after a
     *                   lost answer): a one-shot stream is copied first
     */
    UploadContent resolve(Exchange exchange, String filename, boolean rereadable) {
        Message message = exchange.getMessage();
        Object body = message.getBody();
        String name = filename;
        if (name == null) {
            name = message.getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (name == null) {
            name = withoutDirectories(message.getHeader(Exchange.FILE_NAME, String.class));
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
        if (body instanceof StreamCache cache && body instanceof InputStream) {
            return fromCache(cache, requireName(name));
        }
        if (body instanceof InputStream stream) {
            return oneShot(exchange, stream, requireName(name), rereadable);
        }
        if (body == null) {
            throw new ParadigmValidationException(operation, "the message has no body: send a File, Path, "
                                                             + "InputStream, byte[] or String");
        }
        InputStream converted = exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
        if (converted == null) {
            throw new ParadigmValidationException(operation, "cannot upload a body of type " + body.getClass().getName()
                                                             + ": send a File, Path, InputStream, byte[] or String");
        }
        return oneShot(exchange, converted, requireName(name), rereadable);
    }

    /** {@code CamelFileName} is a path relative to the endpoint (sub/dir/a.txt): the document is named a.txt. */
    private static String withoutDirectories(String relativePath) {
        return relativePath == null ? null : relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    /** The content, copied first when it is a one-shot stream, so that it can be read more than once. */
    UploadContent rereadable(Exchange exchange, UploadContent content) {
        return content instanceof UploadContent.FromStream stream
                ? fromCache(copy(exchange, stream.stream()), stream.name()) : content;
    }

    private UploadContent oneShot(Exchange exchange, InputStream stream, String name, boolean rereadable) {
        return rereadable ? fromCache(copy(exchange, stream), name) : new UploadContent.FromStream(stream, name);
    }

    /** The stream copied through Camel's stream caching, refused as soon as it is larger than maxFileSize. */
    private StreamCache copy(Exchange exchange, InputStream stream) {
        try (InputStream in = stream; CachedOutputStream copy = new CachedOutputStream(exchange, true)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                copied += read;
                checkSize("the message body", copied, false);
                copy.write(buffer, 0, read);
            }
            return copy.newStreamCache();
        } catch (IOException e) {
            throw new ParadigmValidationException(operation, "cannot read the message body: " + e.getMessage());
        }
    }

    /** A stream cache is read again from its start each time it is sent (a retry sends it whole). */
    private UploadContent fromCache(StreamCache cache, String name) {
        long length = cache.length();
        checkSize("the message body", length);
        return new UploadContent.Reopenable(name, length, () -> {
            cache.reset();
            return new FilterInputStream((InputStream) cache) {
                @Override
                public void close() {
                    // the cache is reset for the next read, and released by Camel with the exchange
                }
            };
        });
    }

    private UploadContent fromPath(Path path) {
        if (!Files.exists(path)) {
            throw new ParadigmValidationException(operation, "file " + path + " does not exist");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ParadigmValidationException(operation, "file " + path + " is not a readable regular file");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (java.io.IOException e) {
            throw new ParadigmValidationException(operation, "cannot read the size of " + path + ": " + e.getMessage());
        }
        checkSize(path.toString(), size);
        return new UploadContent.FromFile(path);
    }

    private UploadContent fromBytes(byte[] bytes, String name) {
        checkSize("the message body", bytes.length);
        return new UploadContent.FromBytes(bytes, requireName(name));
    }

    private void checkSize(String what, long size) {
        checkSize(what, size, true);
    }

    private void checkSize(String what, long size, boolean whole) {
        if (whole && size == 0) {
            throw new ParadigmValidationException(operation, what + " is empty: Paradigm does not accept empty documents");
        }
        if (size > maxFileSize) {
            String has = whole ? "has " + size + " bytes, more than" : "is larger than";
            throw new ParadigmValidationException(operation, what + " " + has + " maxFileSize=" + maxFileSize
                                                             + " (raise maxFileSize if your Paradigm instance "
                                                             + "accepts larger documents)");
        }
    }

    private String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new ParadigmValidationException(operation, "no filename for this body: set the filename option, the "
                                                             + ParadigmConstants.FILENAME + " header or CamelFileName");
        }
        return name;
    }
}
