package io.camelparadigm.component.paradigm;

import java.util.Locale;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.util.OrderedLocationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when {@code camel.component.paradigm.api-key} holds the key itself rather than a placeholder. Camel 4.18
 * prints property values as written: camel-main at DEBUG (BaseMainSupport, MainHelper) and the JSON of the
 * {@code main-configuration} and {@code properties} dev consoles (their text is masked, {@code apikey} being one of
 * Camel's sensitive keywords). A value such as {@code {{env:PARADIGM_API_KEY}}} is what they print instead.
 */
final class KeyInPropertiesWarning {

    private static final Logger LOG = LoggerFactory.getLogger(ParadigmComponent.class);
    private static final String PREFIX = "camel.component.paradigm.";

    private KeyInPropertiesWarning() {
    }

    static void warnIfTheKeyIsWrittenOut(CamelContext context) {
        Properties properties = context.getPropertiesComponent().loadProperties(KeyInPropertiesWarning::isKeyProperty);
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            if (value != null && !value.isBlank() && !value.contains("{{")) {
                String location = properties instanceof OrderedLocationProperties located ? located.getLocation(name)
                        : null;
                LOG.warn("{} holds the Paradigm API key itself{}: Camel prints property values as written (camel-main "
                         + "at DEBUG, the JSON of the main-configuration and properties dev consoles). Leave it unset "
                         + "(the component reads the PARADIGM_API_KEY environment variable) or write "
                         + "{}={}", name, location == null ? "" : " (in " + location + ")", name,
                        "{{env:PARADIGM_API_KEY}}");
            }
        }
    }

    private static boolean isKeyProperty(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replace("-", "");
        return normalized.equals(PREFIX + "apikey") || normalized.equals(PREFIX + "configuration.apikey");
    }
}
