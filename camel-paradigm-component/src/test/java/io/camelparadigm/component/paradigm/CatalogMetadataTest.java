package io.camelparadigm.component.paradigm;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
    void theOperationPathOffersEveryOperationAndConsumer() {
        List<String> offered = new ArrayList<>();
        catalog.at("/properties/operation/enum").forEach(value -> offered.add(value.asText()));
        List<String> valid = new ArrayList<>();
        Arrays.stream(ParadigmOperations.values()).forEach(operation -> valid.add(operation.name()));
        valid.addAll(ParadigmEndpoint.CONSUMERS);

        assertThat(offered)
                .as("the enums of @UriPath operation in ParadigmEndpoint must list every ParadigmOperations value and "
                    + "every consumer, in that order")
                .containsExactlyElementsOf(valid);
        assertThat(catalog.at("/properties/operation/required").asBoolean()).isTrue();
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
