package io.camelparadigm.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.main.Main;
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
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key set the recommended way, camel.component.paradigm.api-key in application.properties of a camel-main app,
 * on the surfaces camel-main offers: its DEBUG lines (BaseMainSupport, MainHelper) and the main-configuration and
 * properties dev consoles, as text and as JSON.
 */
class KeyThroughCamelMainTest {

    /** What a test can set for a properties function; {{env:PARADIGM_API_KEY}} is resolved the same way. */
    private static final String KEY_PROPERTY = "paradigm.test.key";

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = new ParadigmEmulatorExtension();

    @TempDir
    Path dir;

    private final Capture logs = new Capture();

    @BeforeEach
    void captureCamelMainAtDebug() {
        logs.start();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().addAppender(logs, null, null);
        Configurator.setLevel("org.apache.camel.main", Level.DEBUG);
        logging.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(logs.getName());
        Configurator.setLevel("org.apache.camel.main", Level.INFO);
        logging.updateLoggers();
        logs.stop();
        System.clearProperty(KEY_PROPERTY);
    }

    @Test
    void aKeyGivenAsAPlaceholderShowsNowhere() throws Exception {
        System.setProperty(KEY_PROPERTY, PARADIGM.apiKey());

        String consoles = runAndReadConsoles("camel.component.paradigm.api-key = {{sys:" + KEY_PROPERTY + "}}");

        assertThat(logs.text()).contains("camel.component.paradigm.apiKey={{sys:" + KEY_PROPERTY + "}}")
                .doesNotContain(PARADIGM.apiKey()).doesNotContain("holds the Paradigm API key itself");
        assertThat(consoles).contains("camel.component.paradigm.api-key").doesNotContain(PARADIGM.apiKey());
    }

    @Test
    void aKeyWrittenInThePropertiesIsMaskedInTheConsolesTextAndTheComponentSaysWhereItIs() throws Exception {
        String consoles = runAndReadConsoles("camel.component.paradigm.api-key = " + PARADIGM.apiKey());

        assertThat(consoles).contains("camel.component.paradigm.api-key = xxxxxx");
        assertThat(logs.text()).contains("camel.component.paradigm.api-key holds the Paradigm API key itself (in "
                                         + dir.resolve("application.properties"))
                .contains("camel.component.paradigm.api-key={{env:PARADIGM_API_KEY}}");
        assertThat(logs.warnings()).allSatisfy(warning -> assertThat(warning).doesNotContain(PARADIGM.apiKey()));
    }

    /** Starts a camel-main app with these settings, lists the workspaces (the key works), returns the consoles' text. */
    private String runAndReadConsoles(String keySetting) throws Exception {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, keySetting + "\n"
                                      + "camel.component.paradigm.base-url = " + PARADIGM.baseUrl() + "\n"
                                      + "camel.main.dev-console-enabled = true\n");
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + properties);
        main.start();
        try {
            assertThat(main.getCamelContext().createProducerTemplate()
                    .requestBody("paradigm:listWorkspaces", (Object) null, List.class)).isNotEmpty();
            DevConsoleRegistry consoles = main.getCamelContext().getCamelContextExtension()
                    .getContextPlugin(DevConsoleRegistry.class);
            StringBuilder text = new StringBuilder();
            for (String id : List.of("main-configuration", "properties")) {
                DevConsole console = consoles.resolveById(id);
                assertThat(console).as(id).isNotNull();
                text.append(console.call(DevConsole.MediaType.TEXT, Map.of())).append('\n');
                if (!keySetting.endsWith(PARADIGM.apiKey())) {
                    // Camel 4.18's JSON shows a property as written: masked only in the text
                    text.append(console.call(DevConsole.MediaType.JSON, Map.of())).append('\n');
                }
            }
            return text.toString();
        } finally {
            main.stop();
        }
    }

    private static final class Capture extends AbstractAppender {
        private final StringBuffer text = new StringBuffer();
        private final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();

        Capture() {
            super("key-capture", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            String message = event.getMessage().getFormattedMessage();
            text.append(message).append('\n');
            if (event.getLevel() == Level.WARN) {
                warnings.add(message);
            }
        }

        String text() {
            return text.toString();
        }

        List<String> warnings() {
            return warnings;
        }
    }
}
