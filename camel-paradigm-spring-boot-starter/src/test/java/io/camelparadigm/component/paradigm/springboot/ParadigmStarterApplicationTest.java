package io.camelparadigm.component.paradigm.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.OnExisting;
import io.camelparadigm.emulator.ParadigmEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with the starter, against the emulator: the component is configured from
 * application.yaml and an environment variable, runs the YAML routes of camel.main.routes-include-pattern, reports
 * its producer health check in /actuator/health and never shows its key.
 */
@SpringBootTest(classes = ParadigmStarterApplicationTest.Application.class,
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParadigmStarterApplicationTest {

    /** Set for the test JVM by surefire (see the pom), as a deployment would set it. */
    static final String KEY_VARIABLE = "CAMEL_COMPONENT_PARADIGM_APIKEY";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        /** A bean, so Spring stops it after Camel: the consumer never polls a stopped emulator. */
        @Bean(destroyMethod = "close")
        ParadigmEmulator paradigmEmulator() {
            String key = System.getenv(KEY_VARIABLE);
            assertThat(key).as("%s must be set in the test JVM's environment (surefire does it)", KEY_VARIABLE)
                    .isNotBlank();
            return ParadigmEmulator.builder().apiKey(key).build().start();
        }

        @Bean
        DynamicPropertyRegistrar emulatorProperties(ParadigmEmulator emulator) {
            return registry -> {
                registry.add("paradigm.emulator.base-url", emulator::baseUrl);
                registry.add("paradigm.emulator.workspace-id", emulator::workspaceId);
            };
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ParadigmEmulator emulator;
    @Autowired
    ParadigmComponentConfiguration properties;

    @Test
    @Order(1)
    void optionsFromApplicationYamlAndTheEnvironmentReachTheComponent() {
        ParadigmConfiguration configuration = camelContext.getComponent("paradigm", ParadigmComponent.class)
                .getConfiguration();

        assertThat(configuration.getBaseUrl()).isEqualTo(emulator.baseUrl());
        assertThat(configuration.getWorkspaceId()).isEqualTo(emulator.workspaceId());
        assertThat(configuration.getMaxRetries()).isEqualTo(2);
        assertThat(configuration.getResponseTimeout()).isEqualTo(20_000L);
        assertThat(configuration.getOnExisting()).isEqualTo(OnExisting.skip);
        assertThat(configuration.getApiKey()).isEqualTo(System.getenv(KEY_VARIABLE));
        assertThat(properties.getApiKey()).isEqualTo(System.getenv(KEY_VARIABLE));
        // an option nobody set keeps the component's default
        assertThat(configuration.getPageSize()).isEqualTo(100);
    }

    @Test
    @Order(2)
    void yamlRoutesUploadAFileAndReceiveItsFileEvent() throws Exception {
        MockEndpoint events = camelContext.getEndpoint("mock:fileEvents", MockEndpoint.class);
        events.expectedMessageCount(1);
        events.setResultWaitTime(TimeUnit.SECONDS.toMillis(30));

        Exchange uploaded = producer.request("direct:upload", e -> {
            e.getMessage().setBody("Quarterly report".getBytes());
            e.getMessage().setHeader(Exchange.FILE_NAME, "q3-report.txt");
        });
        assertThat(uploaded.getException()).isNull();
        Long fileId = uploaded.getMessage().getHeader(ParadigmConstants.FILE_ID, Long.class);
        assertThat(emulator.storedFiles(emulator.workspaceId()))
                .singleElement()
                .satisfies(stored -> assertThat(stored.filename()).isEqualTo("q3-report.txt"));

        emulator.completeAll();
        emulator.advance(Duration.ofSeconds(10)); // the consumer lists a change once the clock is past its overlap

        events.assertIsSatisfied();
        Exchange event = events.getExchanges().get(0);
        assertThat(event.getMessage().getHeader(ParadigmConstants.FILE_ID, Long.class)).isEqualTo(fileId);
        assertThat(event.getMessage().getHeader(ParadigmConstants.STATUS, String.class)).isEqualTo("embedded");
        assertThat(event.getMessage().getHeader(ParadigmConstants.FILE_EXTERNAL_ID, String.class))
                .isEqualTo("spring-boot-test:q3-report.txt");
    }

    @Test
    @Order(3)
    void producerHealthCheckShowsInActuatorHealth() throws Exception {
        int listCallsBefore = listCalls();

        JsonNode health = getJson("/actuator/health");

        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode camel = health.path("components").path("camelHealth").path("details");
        assertThat(camel.fieldNames()).toIterable().anySatisfy(name -> assertThat(name).startsWith("producer:paradigm"));
        // the check asked the emulator, with the configured key
        assertThat(listCalls()).isGreaterThan(listCallsBefore);

        emulator.faults().maintenance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode down = getJson("/actuator/health");
            assertThat(down.path("components").path("camelHealth").path("status").asText()).isEqualTo("DOWN");
        });
        emulator.faults().reset();
    }

    @Test
    @Order(4)
    void theKeyIsMaskedInActuatorEnvAndConfigprops() throws Exception {
        String key = System.getenv(KEY_VARIABLE);

        String env = get("/actuator/env");
        assertThat(env).doesNotContain(key).contains(KEY_VARIABLE);
        // values are shown (show-values: always): only the key is masked
        assertThat(env).contains(emulator.baseUrl());
        JsonNode variable = json.readTree(get("/actuator/env/" + KEY_VARIABLE));
        assertThat(variable.path("property").path("value").asText()).isEqualTo("******");

        String configprops = get("/actuator/configprops");
        assertThat(configprops).doesNotContain(key).contains(emulator.baseUrl());
        JsonNode paradigm = json.readTree(configprops).path("contexts").elements().next().path("beans")
                .path("camel.component.paradigm-" + ParadigmComponentConfiguration.class.getName())
                .path("properties");
        assertThat(paradigm.path("apiKey").asText()).isEqualTo("******");
        assertThat(paradigm.path("baseUrl").asText()).isEqualTo(emulator.baseUrl());
    }

    @Test
    @Order(5)
    void theKeyNeverReachesTheLogs(CapturedOutput output) {
        assertThat(output.getAll()).contains("paradigm").doesNotContain(System.getenv(KEY_VARIABLE));
    }

    private int listCalls() {
        return (int) emulator.requests().stream().filter(r -> r.method().equals("GET")).count();
    }

    private JsonNode getJson(String path) throws Exception {
        return json.readTree(get(path));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isIn(200, 503);
        return response.body();
    }
}
