package io.camelparadigm.component.paradigm;

import java.util.Properties;

import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YamlDslRouteTest extends EmulatorRouteTestSupport {

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("paradigm.workspaceId", String.valueOf(workspaceId()));
        return properties;
    }

    @Test
    void yamlRouteUploadsWithParameters() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/upload-route.yaml"));

        Object firstId = template.requestBodyAndHeader("direct:yaml-upload", "hello", Exchange.FILE_NAME, "y.txt");
        Object secondId = template.requestBodyAndHeader("direct:yaml-upload", "hello again", Exchange.FILE_NAME, "y.txt");

        assertThat(secondId).isEqualTo(firstId);
        assertThat(EMULATOR.storedFiles(workspaceId())).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(Long.parseLong(firstId.toString()));
            assertThat(f.title()).isEqualTo("Uploaded from YAML");
            assertThat(f.externalId()).isEqualTo("yaml:y.txt");
        }).extracting(StoredFile::filename).isEqualTo("y.txt");
    }
}
