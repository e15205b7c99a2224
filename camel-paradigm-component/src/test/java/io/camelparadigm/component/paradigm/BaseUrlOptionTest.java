package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.component.paradigm.model.Workspace;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.camelparadigm.component.paradigm.BadOptionValuesTest.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** baseUrl is checked when the endpoint is created; the forms users paste reach the same API. */
class BaseUrlOptionTest extends EmulatorRouteTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "", "/", "/api/v3", "/api/v3/" })
    void theInstanceUrlWorksWithWhatUsersPasteAfterIt(String suffix) {
        List<?> workspaces = template.requestBody("paradigm:listWorkspaces?baseUrl=" + EMULATOR.baseUrl() + suffix,
                null, List.class);

        assertThat(workspaces).isNotEmpty().first().isInstanceOf(Workspace.class);
        assertThat(requests("GET", "/api/v3/workspaces")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost:8080", "ftp://paradigm.example.com", "http://local host", " " })
    void anUnusableUrlFailsEndpointCreationNamingBaseUrl(String baseUrl) {
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(baseUrl);

        assertThatThrownBy(() -> context.getEndpoint("paradigm:listWorkspaces"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(messages(e)).contains("listWorkspaces: baseUrl"));
        assertThat(EMULATOR.requests()).isEmpty();
    }
}
