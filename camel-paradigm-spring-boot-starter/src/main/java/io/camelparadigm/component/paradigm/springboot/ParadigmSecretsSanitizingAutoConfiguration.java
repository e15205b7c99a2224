package io.camelparadigm.component.paradigm.springboot;

import java.util.Locale;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Masks the Paradigm API key in the actuator's {@code env} and {@code configprops} endpoints, also when an
 * application shows their values ({@code management.endpoint.*.show-values=always}): under every spelling Spring
 * binds it from ({@code camel.component.paradigm.api-key}, {@code CAMEL_COMPONENT_PARADIGM_APIKEY}, the nested
 * {@code configuration.api-key}) and the component's own {@code PARADIGM_API_KEY} environment variable.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ParadigmSecretsSanitizingAutoConfiguration {

    private static final String COMPONENT_PREFIX = "camelcomponentparadigm";
    private static final String API_KEY = "apikey";
    private static final String API_KEY_ENV = normalize(ParadigmComponent.API_KEY_ENV);

    @Bean
    public SanitizingFunction paradigmApiKeySanitizingFunction() {
        return SanitizingFunction.sanitizeValue().ifMatches(ParadigmSecretsSanitizingAutoConfiguration::isApiKey);
    }

    static boolean isApiKey(SanitizableData data) {
        String key = normalize(data.getKey());
        return key.equals(API_KEY_ENV) || key.startsWith(COMPONENT_PREFIX) && key.endsWith(API_KEY);
    }

    /** camel.component.paradigm.api-key, CAMEL_COMPONENT_PARADIGM_APIKEY and camel.component.paradigm.apiKey alike. */
    private static String normalize(String key) {
        StringBuilder letters = new StringBuilder(key.length());
        key.chars().filter(Character::isLetterOrDigit).forEach(c -> letters.append((char) c));
        return letters.toString().toLowerCase(Locale.ROOT);
    }
}
