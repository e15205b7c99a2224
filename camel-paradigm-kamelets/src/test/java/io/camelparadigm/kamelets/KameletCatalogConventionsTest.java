package io.camelparadigm.kamelets;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kamelet files keep the Apache Camel Kamelets catalog's conventions, and their template matches their definition. */
class KameletCatalogConventionsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9]+)}}");
    private static final String ANNOTATION = "camel.apache.org/";

    @ParameterizedTest
    @ValueSource(strings = { "paradigm-sink", "paradigm-source" })
    @SuppressWarnings("unchecked")
    void followsTheCatalogConventions(String name) throws IOException {
        String text = read("kamelets/" + name + ".kamelet.yaml");
        Map<String, Object> kamelet = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
        Map<String, Object> metadata = map(kamelet, "metadata");
        Map<String, Object> spec = map(kamelet, "spec");
        Map<String, Object> definition = map(spec, "definition");
        Map<String, Object> properties = map(definition, "properties");

        assertThat(kamelet).containsEntry("apiVersion", "camel.apache.org/v1").containsEntry("kind", "Kamelet");
        assertThat(metadata).containsEntry("name", name);
        assertThat(map(metadata, "labels"))
                .containsEntry(ANNOTATION + "kamelet.type", name.substring(name.lastIndexOf('-') + 1));
        assertThat(map(metadata, "annotations"))
                .containsKeys(ANNOTATION + "kamelet.support.level", ANNOTATION + "provider",
                        ANNOTATION + "kamelet.group", ANNOTATION + "kamelet.namespace")
                .hasEntrySatisfying(ANNOTATION + "kamelet.icon",
                        icon -> assertThat((String) icon).startsWith("data:image/svg+xml;base64,"))
                .hasEntrySatisfying(ANNOTATION + "catalog.version",
                        version -> assertThat((String) version).matches("\\d+\\.\\d+\\.\\d+.*"));
        assertThat(definition).containsKeys("title", "description").containsEntry("type", "object");
        assertThat(properties).containsKeys(((List<String>) definition.get("required")).toArray(String[]::new));
        properties.forEach((property, schema) -> assertThat((Map<String, Object>) schema).as(property)
                .containsKeys("title", "description", "type"));
        assertThat((Map<String, Object>) properties.get("apiKey"))
                .containsEntry("format", "password")
                .containsEntry("x-descriptors", List.of("urn:camel:group:credentials"));
        assertThat((List<String>) spec.get("dependencies")).contains("camel:kamelet")
                .anySatisfy(d -> assertThat(d).matches("mvn:io\\.camelparadigm:camel-paradigm-component:\\d.*"));

        String template = text.substring(text.indexOf("\n  template:"));
        Set<String> used = new TreeSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(template);
        while (placeholders.find()) {
            used.add(placeholders.group(1));
        }
        assertThat(used).as("the template's {{...}} properties").isEqualTo(new TreeSet<>(properties.keySet()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private String read(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
