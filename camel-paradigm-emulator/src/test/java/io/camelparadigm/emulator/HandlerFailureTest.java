package io.camelparadigm.emulator;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure of the emulator's own code while it handles a request, a Java {@link Error} included (a class missing
 * from a shaded jar, a stack overflow), is answered as the real service's Django stack answers an unhandled
 * exception: a 500 with a JSON error body, the failure logged with its stack. The failure is raised by a request hook
 * ({@link ParadigmEmulator#onRequest}), which runs where the endpoints do. The 500 is no part of the contract, so the
 * referee reports it too: a test during which the emulator fails cannot pass unnoticed.
 */
class HandlerFailureTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = new ParadigmEmulatorExtension();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    private final CapturingAppender captured = new CapturingAppender();

    @BeforeEach
    void captureLogs() {
        captured.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().addAppender(captured, null, null);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(captured.getName());
        logging.updateLoggers();
        captured.stop();
    }

    @Test
    void anErrorWhileHandlingARequestIsAnswered500WithAJsonErrorAndLoggedWithItsStack() {
        EMULATOR.onRequest(request -> {
            throw new NoClassDefFoundError("org/jsoup/Jsoup");
        });

        ApiTestClient.Reply reply = api.get("/api/v3/workspaces");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json().get("error").asText()).isEqualTo("server_error");
        assertThat(reply.json().get("detail").asText()).isEqualTo("Internal server error.");
        assertThat(captured.text()).contains("ERROR Emulator failed on GET /api/v3/workspaces")
                .contains("java.lang.NoClassDefFoundError: org/jsoup/Jsoup")
                .contains("at " + HandlerFailureTest.class.getName());
        assertThat(EMULATOR.takeContractViolations()).singleElement().asString()
                .contains("GET /api/v3/workspaces -> 500");
    }

    @Test
    void aStackOverflowIsAnsweredTooAndTheNextRequestIsServed() {
        EMULATOR.onRequest(request -> {
            if (request.path().equals("/api/v3/files")) {
                throw new StackOverflowError();
            }
        });

        ApiTestClient.Reply failed = api.get("/api/v3/files");
        ApiTestClient.Reply next = api.get("/api/v3/workspaces");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().get("code").asText()).isEqualTo("server_error");
        assertThat(captured.text()).contains("ERROR Emulator failed on GET /api/v3/files")
                .contains("java.lang.StackOverflowError");
        assertThat(next.status()).isEqualTo(200);
        assertThat(EMULATOR.takeContractViolations()).singleElement().asString().contains("GET /api/v3/files -> 500");
    }

    /** An upload whose body the failure left unread: it is read to its end, so that the client gets the answer. */
    @Test
    void anUploadFailingBeforeItsBodyIsReadIsAnswered500() {
        EMULATOR.onRequest(request -> {
            throw new NoClassDefFoundError("org/jsoup/parser/Parser");
        });

        ApiTestClient.Reply reply = api.upload("big.pdf", new byte[4 * 1024 * 1024]).workspace(EMULATOR.workspaceId())
                .send();

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().get("error").asText()).isEqualTo("server_error");
        assertThat(captured.text()).contains("ERROR Emulator failed on POST /api/v3/files")
                .contains("java.lang.NoClassDefFoundError: org/jsoup/parser/Parser");
        assertThat(EMULATOR.storedFiles()).isEmpty();
        assertThat(EMULATOR.takeContractViolations()).singleElement().asString().contains("POST /api/v3/files -> 500");
    }

    private static final class CapturingAppender extends AbstractAppender {

        private final StringBuffer text = new StringBuffer();

        CapturingAppender() {
            super("handler-failure-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            text.append(event.getLevel()).append(' ').append(event.getMessage().getFormattedMessage()).append('\n');
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(trace).append('\n');
            }
        }

        String text() {
            return text.toString();
        }
    }
}
