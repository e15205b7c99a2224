package io.camelparadigm.component.paradigm;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything Camel and the component log while routes holding the key in their URIs start, retry, fail and are
 * dumped: the key must appear nowhere.
 */
class SecretsInLogsTest {

    private static final String WRONG_KEY = "wrong-key-9f8e7d6c5b4a";

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock().build();

    private final CapturingAppender captured = new CapturingAppender();

    @BeforeEach
    void captureLogs() {
        EMULATOR.reset();
        captured.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().addAppender(captured, null, null);
        Configurator.setLevel("io.camelparadigm.component", Level.DEBUG);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(captured.getName());
        Configurator.setLevel("io.camelparadigm.component", Level.INFO);
        logging.updateLoggers();
        captured.stop();
    }

    @Test
    void keysInEndpointUrisAreMaskedInEverythingCamelAndTheComponentLog() throws Exception {
        String goodKey = EMULATOR.apiKey();
        try (CamelContext context = new DefaultCamelContext()) {
            context.setMessageHistory(true);
            context.getComponent("paradigm", ParadigmComponent.class).getConfiguration().setBaseUrl(EMULATOR.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:retried").to("paradigm:listFiles?retryInitialDelay=1&apiKey=" + goodKey);
                    from("direct:refused")
                            .to("paradigm:upload?workspaceId=" + EMULATOR.workspaceId() + "&apiKey=" + WRONG_KEY);
                }
            });
            context.start();

            EMULATOR.faults().failNext(2, 502);
            context.createProducerTemplate().sendBody("direct:retried", null);
            Exchange refused = context.createProducerTemplate().request("direct:refused", e -> {
                e.getMessage().setBody("x");
                e.getMessage().setHeader(Exchange.FILE_NAME, "x.txt");
            });
            assertThat(refused.getException()).isNotNull();
        }

        String logs = captured.text();
        // the retries and the 401 (with the message history naming the endpoint) were logged
        assertThat(logs).contains("attempt 2 of 6 failed (HTTP 502)").contains("HTTP 401")
                .contains("paradigm:upload?workspaceId=" + EMULATOR.workspaceId() + "&apiKey=xxxxxx");
        assertThat(logs).doesNotContain(goodKey).doesNotContain(WRONG_KEY);
    }

    /**
     * Camel's route dump prints endpoint URIs as written, with placeholders resolved and no masking: a key kept on the
     * component (as the docs advise) never reaches it.
     */
    @Test
    void aKeySetOnTheComponentStaysOutOfRouteDumps() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.setDumpRoutes("yaml");
            context.getPropertiesComponent().addInitialProperty("paradigm.workspaceId",
                    String.valueOf(EMULATOR.workspaceId()));
            ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
            paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
            paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to("paradigm:listFiles?workspaceId={{paradigm.workspaceId}}");
                }
            });
            context.start();
            context.createProducerTemplate().sendBody("direct:list", null);
        }

        assertThat(captured.text()).contains("paradigm:listFiles?workspaceId=" + EMULATOR.workspaceId())
                .doesNotContain(EMULATOR.apiKey());
        assertThat(EMULATOR.requests()).isNotEmpty();
    }

    /**
     * What docs/real-service.md tells a user who writes the key in a URI: Camel masks it where it prints an endpoint,
     * not in a route dump (the URI as written) nor in the CamelToEndpoint exchange property (the full URI).
     */
    @Test
    void aKeyInAnEndpointUriStillShowsInRouteDumpsAndTheToEndpointProperty() throws Exception {
        String uri = "paradigm:listWorkspaces?apiKey=" + EMULATOR.apiKey();
        Exchange answered;
        try (CamelContext context = new DefaultCamelContext()) {
            context.setDumpRoutes("yaml");
            context.getComponent("paradigm", ParadigmComponent.class).getConfiguration().setBaseUrl(EMULATOR.baseUrl());
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to(uri);
                }
            });
            context.start();
            answered = context.createProducerTemplate().request("direct:list", e -> {
            });
        }

        assertThat(answered.getException()).isNull();
        assertThat(answered.getProperty(Exchange.TO_ENDPOINT, String.class)).contains(EMULATOR.apiKey());
        assertThat(captured.text()).contains("direct:list").contains(EMULATOR.apiKey());
    }

    private static final class CapturingAppender extends AbstractAppender {

        private final StringBuffer text = new StringBuffer();

        CapturingAppender() {
            super("secrets-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            text.append(event.getMessage().getFormattedMessage()).append('\n');
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
