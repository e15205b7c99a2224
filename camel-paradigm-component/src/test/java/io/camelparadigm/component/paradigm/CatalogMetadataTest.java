package io.camelparadigm.component.paradigm;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated catalog JSON (what tooling, docs and the YAML DSL read) describes every option and header. */
class CatalogMetadataTest {

    private final JsonNode catalog = load();

    @Test
    void everyEndpointOptionIsListed() {
        Set<String> listed = names(catalog.get("properties"));
        for (Field field : ParadigmConfiguration.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class)) {
                assertThat(listed).as("endpoint option %s", field.getName()).contains(field.getName());
            }
        }
        assertThat(listed).contains("operation", "delay", "backoffErrorThreshold");
    }

    @Test
    void everyComponentOptionIsListed() {
        Set<String> listed = names(catalog.get("componentProperties"));
        for (Field field : ParadigmComponent.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class) && !field.getName().equals("configuration")) {
                assertThat(listed).as("component option %s", field.getName()).contains(field.getName());
            }
        }
        assertThat(listed).contains("apiKey", "baseUrl", "workspaceId");
    }

    @Test
    void theKeyIsSecretEverywhere() {
        assertThat(catalog.at("/properties/apiKey/secret").asBoolean()).isTrue();
        assertThat(catalog.at("/componentProperties/apiKey/secret").asBoolean()).isTrue();
    }

    @Test
    void everyHeaderIsListed() throws Exception {
        Set<String> listed = new HashSet<>();
        catalog.get("headers").forEach(h -> listed.add(h.get("constantName").asText().replaceAll(".*#", "")));
        for (Field field : ParadigmConstants.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class)) {
                assertThat(listed).as("header %s", field.getName()).contains(field.getName());
            }
        }
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode load() {
        try (InputStream in = CatalogMetadataTest.class.getResourceAsStream(
                "/META-INF/io/camelparadigm/component/paradigm/paradigm.json")) {
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
