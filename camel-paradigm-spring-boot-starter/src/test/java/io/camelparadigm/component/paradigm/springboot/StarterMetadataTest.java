package io.camelparadigm.component.paradigm.springboot;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The IDE metadata the starter ships covers every option of the component's own catalog JSON. */
class StarterMetadataTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyComponentOptionIsAPropertyWithItsDescriptionAndDefault() throws Exception {
        JsonNode options = read("META-INF/io/camelparadigm/component/paradigm/paradigm.json").get("componentProperties");
        Map<String, JsonNode> properties = new HashMap<>();
        read("META-INF/spring-configuration-metadata.json").get("properties")
                .forEach(p -> properties.put(p.get("name").asText(), p));

        options.properties().forEach(option -> {
            String name = "camel.component.paradigm." + kebab(option.getKey());
            assertThat(properties).as(name).containsKey(name);
            JsonNode property = properties.get(name);
            assertThat(property.path("description").asText()).as(name)
                    .startsWith(option.getValue().path("description").asText());
            if (option.getValue().has("defaultValue") && !option.getValue().path("type").asText().equals("duration")) {
                assertThat(property.path("defaultValue").asText()).as(name)
                        .isEqualTo(option.getValue().get("defaultValue").asText());
            }
        });
        assertThat(properties.get("camel.component.paradigm.api-key").path("description").asText())
                .contains("secret");
    }

    private JsonNode read(String resource) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return json.readTree(in);
        }
    }

    private static String kebab(String camelCase) {
        return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase();
    }
}
