package io.camelparadigm.examples.uploader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;

import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.slf4j.LoggerFactory;

/**
 * Loads, on the other core, what an upload run needs besides its command line and Camel: the logging backend with
 * its configuration, Jackson's reader of Paradigm's answers, SHA-256 for the state file. Started as the JVM starts, it
 * runs while the main thread parses the command line (picocli's Java 5 classes cannot be archived and are verified as
 * they load) and then starts Camel: start-up is mostly class loading, which one thread does in turn.
 */
public final class UploaderWarmUp {

    /** An upload answer, read once ahead to load what reading the real ones needs. */
    private static final String ANSWER = "{\"id\":1,\"filename\":\"a.pdf\",\"title\":\"a\",\"status\":\"pending\","
            + "\"status_vision\":null,\"created_at\":\"2025-01-01T00:00:00.000000Z\",\"updated_at\":\"2025-01-01T00:00:00Z\","
            + "\"tags\":[{\"id\":1,\"name\":\"t\"}],\"workspace\":{\"id\":1,\"name\":\"w\",\"workspace_type\":\"company\"},"
            + "\"upload_session_uuid\":\"00000000-0000-0000-0000-000000000000\",\"external_metadata\":{\"external_id\":"
            + "\"file:///a.pdf\",\"additional_metadata\":{\"k\":\"v\"}},\"message\":\"File queued for processing\"}";
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private UploaderWarmUp() {
    }

    /**
     * Starts the warm-up once per JVM: by the uploader's main method first thing unless the command line only asks for
     * the help or the version, or by the job it runs.
     */
    public static void start() {
        if (STARTED.compareAndSet(false, true)) {
            Thread warmUp = new Thread(UploaderWarmUp::load, "paradigm-uploader-warm-up");
            warmUp.setDaemon(true);
            warmUp.start();
        }
    }

    private static void load() {
        C1Compilation.apply();
        try {
            LoggerFactory.getLogger(UploaderWarmUp.class);
            ParadigmJson.mapper().readValue(ANSWER, ParadigmFile.class);
            MessageDigest.getInstance("SHA-256").digest(ANSWER.getBytes(StandardCharsets.UTF_8));
        } catch (Exception | LinkageError ignored) {
            // only a head start: the same work is done again when needed
        }
    }
}
