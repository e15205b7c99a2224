package io.camelparadigm.component.paradigm;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.component.PropertyConfigurerSupport;

/**
 * Camel's property binding reads text given to an int or long option as a duration (so {@code workspaceId=abc} and
 * {@code workspaceId=} become 0, and {@code 5s} becomes 5000). The component's configurers refuse such text for the
 * options that are ids and counts, naming the option and the value; duration options keep Camel's reading.
 */
final class WholeNumberOptions {

    /** Lower-case names of the int/long options that are not durations, read from the option fields themselves. */
    private static final Set<String> NAMES = names();

    private WholeNumberOptions() {
    }

    /** Fails when {@code value} is text given to a whole-number option that is not a whole number. */
    static void check(String option, Object value) {
        if (!(value instanceof String text) || !NAMES.contains(normalized(option)) || isReference(text)) {
            return;
        }
        try {
            Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a whole number");
        }
    }

    private static boolean isReference(String text) {
        // a bean reference (#bean:name), a placeholder not yet resolved, tooling's magic value
        return text.startsWith("#") || text.contains("{{") || PropertyConfigurerSupport.MAGIC_VALUE.equals(text);
    }

    private static String normalized(String option) {
        return option.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> names() {
        Set<String> names = new HashSet<>();
        for (Class<?> type : new Class<?>[] { ParadigmConfiguration.class, ParadigmComponent.class }) {
            for (Field field : type.getDeclaredFields()) {
                UriParam uriParam = field.getAnnotation(UriParam.class);
                Metadata metadata = field.getAnnotation(Metadata.class);
                String javaType = uriParam != null ? uriParam.javaType() : metadata != null ? metadata.javaType() : null;
                if (javaType != null && !javaType.endsWith("Duration") && isWholeNumber(field.getType())) {
                    names.add(normalized(field.getName()));
                }
            }
        }
        return Set.copyOf(names);
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == long.class || type == Integer.class || type == Long.class;
    }

    /** The generated endpoint configurer, refusing text that is not a whole number for whole-number options. */
    static final class EndpointConfigurer extends ParadigmEndpointConfigurer {
        @Override
        public boolean configure(CamelContext camelContext, Object target, String name, Object value,
                                 boolean ignoreCase) {
            check(name, value);
            return super.configure(camelContext, target, name, value, ignoreCase);
        }
    }

    /** The generated component configurer, refusing text that is not a whole number for whole-number options. */
    static final class ComponentConfigurer extends ParadigmComponentConfigurer {
        @Override
        public boolean configure(CamelContext camelContext, Object target, String name, Object value,
                                 boolean ignoreCase) {
            check(name, value);
            return super.configure(camelContext, target, name, value, ignoreCase);
        }
    }
}
