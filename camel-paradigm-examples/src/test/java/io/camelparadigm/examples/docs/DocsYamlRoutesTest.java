package io.camelparadigm.examples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every YAML route in the user guide pages of the examples loads into a CamelContext: the YAML parses, every
 * endpoint is created (an unknown option fails here), every expression compiles.
 */
class DocsYamlRoutesTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final List<String> PAGES = List.of("operations.md", "error-handling.md", "real-service.md",
            "keeping-in-sync.md");
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyYamlRouteOfTheGuideLoads() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String page : PAGES) {
            List<String> blocks = yamlBlocks(page);
            assertThat(blocks).as(page + " has YAML routes").isNotEmpty();
            for (int i = 0; i < blocks.size(); i++) {
                String yaml = blocks.get(i);
                tests.add(DynamicTest.dynamicTest(page + " YAML block " + (i + 1), () -> assertLoads(yaml)));
            }
        }
        return tests.stream();
    }

    @Test
    void aRouteWithAnUnknownOptionDoesNotLoad() {
        String yaml = """
                - route:
                    from:
                      uri: direct:broken
                      steps:
                        - to: { uri: paradigm:upload, parameters: { workspaceId: 42, onExisitng: skip } }
                """;

        assertThatThrownBy(() -> assertLoads(yaml)).hasStackTraceContaining("onExisitng");
    }

    @Test
    void theGuidesExpressionsReadTheModelRecords() throws Exception {
        ParadigmFile file = ParadigmJson.mapper().readValue("""
                {"id": 7, "filename": "q3.pdf", "status": "parsing_failed", "status_detail": "PDF is encrypted",
                 "total_pages": 12}""", ParadigmFile.class);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(file);

            assertThat(context.resolveLanguage("simple")
                    .createExpression("${body.filename}: ${body.statusDetail}, ${body.totalPages} pages")
                    .evaluate(exchange, String.class)).isEqualTo("q3.pdf: PDF is encrypted, 12 pages");
        }
    }

    private static void assertLoads(String yaml) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
            paradigm.getConfiguration().setBaseUrl("http://127.0.0.1:9");
            paradigm.getConfiguration().setApiKey("docs-test-key");
            context.setAutoStartup(false);
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("docs.yaml", yaml));
            context.start();
            assertThat(context.getRoutes()).isNotEmpty();
        }
    }

    private static List<String> yamlBlocks(String page) throws IOException {
        Matcher matcher = YAML_BLOCK.matcher(Files.readString(DOCS.resolve(page)));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
