package io.camelparadigm.component.paradigm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every YAML DSL example of the component doc is a route the YAML DSL reads. */
class DocumentationExamplesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("\\[source,yaml]\\n----\\n(.*?)\\n----", Pattern.DOTALL);

    @Test
    void everyYamlExampleOfTheComponentDocLoadsAsARoute() throws Exception {
        String adoc = Files.readString(Path.of("src/main/docs/paradigm-component.adoc"));
        Matcher block = YAML_BLOCK.matcher(adoc);
        int examples = 0;
        while (block.find()) {
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                PluginHelper.getRoutesLoader(context)
                        .loadRoutes(ResourceHelper.fromString("example-" + examples + ".yaml", block.group(1)));
                assertThat(context.getRouteDefinitions()).as("YAML example %d:%n%s", examples, block.group(1))
                        .isNotEmpty()
                        .allSatisfy(route -> assertThat(route.toString()).contains("paradigm:"));
            }
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(4);
    }
}
