package io.camelparadigm.component.paradigm;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Camel's tooling reads, checked in the jar the build produced (failsafe runs after package): the tooling
 * finds the component through {@code component.properties}, its class through the service file, and its JSON
 * next to that class; then Camel's own catalog (as Karavan, the IDE plugins and camel jbang use it) offers and
 * validates the operation values.
 */
class ComponentJarIT {

    private static final String SERVICES = "META-INF/services/org/apache/camel/";

    private final JarFile jar = new JarFile(System.getProperty("component.jar"));

    ComponentJarIT() throws IOException {
    }

    @AfterEach
    void close() throws IOException {
        jar.close();
    }

    @Test
    void componentPropertiesNameTheComponentAndItsArtifact() throws IOException {
        Properties properties = properties(SERVICES + "component.properties");

        assertThat(properties.getProperty("components")).isEqualTo("paradigm");
        assertThat(properties.getProperty("groupId")).isEqualTo("io.camelparadigm");
        assertThat(properties.getProperty("artifactId")).isEqualTo("camel-paradigm-component");
        assertThat(properties.getProperty("version")).isEqualTo(System.getProperty("project.version"));
    }

    @Test
    void theCatalogJsonOffersEveryOperationAndListsEveryHeader() throws IOException {
        JsonNode json = new ObjectMapper().readTree(componentJson());

        List<String> offered = new ArrayList<>();
        json.at("/properties/operation/enum").forEach(value -> offered.add(value.asText()));
        List<String> operations = new ArrayList<>();
        Arrays.stream(ParadigmOperations.values()).forEach(operation -> operations.add(operation.name()));
        operations.addAll(ParadigmEndpoint.CONSUMERS);
        assertThat(offered).containsExactlyElementsOf(operations);

        List<String> headers = new ArrayList<>();
        json.get("headers").fieldNames().forEachRemaining(headers::add);
        assertThat(headers).containsExactlyInAnyOrderElementsOf(declaredHeaders());
        assertThat(json.at("/component/consumerOnly").asBoolean()).isFalse();
        assertThat(json.at("/component/producerOnly").asBoolean()).isFalse();
    }

    @Test
    void camelsCatalogValidatesTheOperationAgainstTheEnum() throws IOException {
        CamelCatalog catalog = new DefaultCamelCatalog();
        String scheme = properties(SERVICES + "component.properties").getProperty("components");
        catalog.addComponent(scheme, componentClass(scheme), componentJson());

        EndpointValidationResult misspelt = catalog.validateEndpointProperties("paradigm:uplaod?workspaceId=1");
        assertThat(misspelt.isSuccess()).isFalse();
        assertThat(misspelt.getInvalidEnum()).containsEntry("operation", "uplaod");
        assertThat(misspelt.getInvalidEnumChoices().get("operation")).contains("upload", "fileEvents");
        for (String operation : List.of("upload", "listFiles", "fileEvents", "sessionEvents")) {
            assertThat(catalog.validateEndpointProperties("paradigm:" + operation + "?workspaceId=1").isSuccess())
                    .as(operation).isTrue();
        }
    }

    private String componentClass(String scheme) throws IOException {
        return properties(SERVICES + "component/" + scheme).getProperty("class");
    }

    /** The JSON beside the component's class, where Camel's tooling looks for it. */
    private String componentJson() throws IOException {
        String componentClass = componentClass("paradigm");
        String folder = componentClass.substring(0, componentClass.lastIndexOf('.')).replace('.', '/');
        return text("META-INF/" + folder + "/paradigm.json");
    }

    private static List<String> declaredHeaders() {
        List<String> headers = new ArrayList<>();
        for (Field field : ParadigmConstants.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Metadata.class)) {
                try {
                    headers.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return headers;
    }

    private Properties properties(String entry) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text(entry)));
        return properties;
    }

    private String text(String entry) throws IOException {
        assertThat(jar.getEntry(entry)).as("%s in %s", entry, jar.getName()).isNotNull();
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
