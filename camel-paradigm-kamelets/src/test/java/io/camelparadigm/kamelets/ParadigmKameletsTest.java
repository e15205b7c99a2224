package io.camelparadigm.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kamelets as a user runs them: found on the classpath by camel-kamelet, used from YAML DSL routes, against the
 * emulator.
 */
class ParadigmKameletsTest extends CamelTestSupport {

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = new ParadigmEmulatorExtension();

    @TempDir
    static Path inbox;

    private final Set<String> savedStateKeys = ConcurrentHashMap.newKeySet();
    private final MemoryStateRepository state = new MemoryStateRepository() {
        @Override
        public void setState(String key, String value) {
            savedStateKeys.add(key);
            super.setState(key, value);
        }
    };

    @BeforeEach
    void cleanSlate() {
        PARADIGM.reset();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("paradigm.baseUrl", PARADIGM.baseUrl());
        properties.put("paradigm.apiKey", PARADIGM.apiKey());
        properties.put("paradigm.workspaceId", String.valueOf(PARADIGM.workspaceId()));
        properties.put("inbox", inbox.toString());
        return properties;
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("paradigmState", state);
    }

    @Test
    void sinkUploadsAFileFromAFileConsumer() throws Exception {
        long tag = PARADIGM.tagIds().get(0);
        MockEndpoint uploaded = getMockEndpoint("mock:uploaded");
        uploaded.expectedMessageCount(1);
        uploaded.setResultWaitTime(TimeUnit.SECONDS.toMillis(30));
        Files.writeString(inbox.resolve("contract.txt"), "Terms and conditions");

        loadRoutes("""
                - route:
                    from:
                      uri: file:{{inbox}}
                      steps:
                        - to:
                            uri: kamelet:paradigm-sink
                            parameters:
                              apiKey: "{{paradigm.apiKey}}"
                              baseUrl: "{{paradigm.baseUrl}}"
                              workspaceId: "{{paradigm.workspaceId}}"
                              tags: "%d"
                              externalId: "inbox:${header.CamelFileName}"
                              onExisting: skip
                        - to: mock:uploaded
                """.formatted(tag));

        uploaded.assertIsSatisfied();
        StoredFile stored = PARADIGM.storedFiles(PARADIGM.workspaceId()).get(0);
        assertThat(stored.filename()).isEqualTo("contract.txt");
        assertThat(stored.externalId()).isEqualTo("inbox:contract.txt");
        assertThat(stored.tagIds()).containsExactly(tag);
        assertThat(uploaded.getExchanges().get(0).getMessage().getHeader("CamelParadigmFileId", Long.class))
                .isEqualTo(stored.id());
    }

    @Test
    void sourceEmitsAStatusChangeAsJson() throws Exception {
        MockEndpoint changes = getMockEndpoint("mock:changes");
        changes.expectedMessageCount(1);
        changes.setResultWaitTime(TimeUnit.SECONDS.toMillis(30));
        long fileId = PARADIGM.seedFiles(PARADIGM.workspaceId(), 1, "report").get(0);

        loadRoutes("""
                - route:
                    from:
                      uri: kamelet:paradigm-source
                      parameters:
                        apiKey: "{{paradigm.apiKey}}"
                        baseUrl: "{{paradigm.baseUrl}}"
                        workspaceId: "{{paradigm.workspaceId}}"
                        terminalOnly: true
                        startFrom: all
                        stateRepository: "#bean:paradigmState"
                        delay: 100
                      steps:
                        - to: mock:changes
                """);
        PARADIGM.completeAll();
        PARADIGM.advance(Duration.ofSeconds(10)); // the consumer lists a change once the clock is past its overlap

        changes.assertIsSatisfied();
        Exchange change = changes.getExchanges().get(0);
        assertThat(change.getMessage().getHeader("CamelParadigmFileId", Long.class)).isEqualTo(fileId);
        assertThat(change.getMessage().getHeader("CamelParadigmStatus", String.class)).isEqualTo("embedded");
        JsonNode body = new ObjectMapper().readTree(change.getMessage().getBody(String.class));
        assertThat(body.path("id").asLong()).isEqualTo(fileId);
        assertThat(body.path("status").asText()).isEqualTo("embedded");
        assertThat(body.path("updated_at").asText()).startsWith("2025-01-01T00:00:0");
        // the position went to the repository the Kamelet was given (once the poll that delivered the change ends)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (savedStateKeys.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(savedStateKeys).singleElement().satisfies(key -> assertThat(state.getState(key)).isNotBlank());
    }

    @Test
    void aMissingRequiredPropertyFailsAtStartNamingIt() {
        assertThatThrownBy(() -> loadRoutes("""
                - route:
                    from:
                      uri: direct:upload
                      steps:
                        - to:
                            uri: kamelet:paradigm-sink
                            parameters:
                              baseUrl: "{{paradigm.baseUrl}}"
                              workspaceId: "{{paradigm.workspaceId}}"
                """))
                .rootCause()
                .hasMessage("Route template paradigm-sink the following mandatory parameters must be provided: apiKey");
        assertThat(PARADIGM.requests()).isEmpty();
    }

    private void loadRoutes(String yaml) throws Exception {
        Resource routes = ResourceHelper.fromString("kamelet-route.yaml", yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(routes);
    }
}
