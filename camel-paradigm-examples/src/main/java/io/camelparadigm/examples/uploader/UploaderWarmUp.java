package io.camelparadigm.examples.uploader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    private static final CountDownLatch LOGGING_READY = new CountDownLatch(1);
    private static final long LOGGING_WAIT_SECONDS = 30;

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

    /**
     * Waits, if the warm-up started, until it has set up logging. SLF4J gives a thread that asks for a logger while
     * another one sets logging up a stand-in, and replays what it logged with a warning on standard error: Camel's
     * first loggers must come after.
     */
    public static void awaitLogging() {
        if (STARTED.get()) {
            try {
                LOGGING_READY.await(LOGGING_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void load() {
        try {
            LoggerFactory.getLogger(UploaderWarmUp.class);
        } catch (RuntimeException | LinkageError ignored) {
            // set up again, and the failure reported, where it is needed
        } finally {
            LOGGING_READY.countDown();
        }
        C1Compilation.apply();
        try {
            ParadigmJson.mapper().readValue(ANSWER, ParadigmFile.class);
            MessageDigest.getInstance("SHA-256").digest(ANSWER.getBytes(StandardCharsets.UTF_8));
        } catch (Exception | LinkageError ignored) {
            // only a head start: the same work is done again when needed
        }
    }
}
