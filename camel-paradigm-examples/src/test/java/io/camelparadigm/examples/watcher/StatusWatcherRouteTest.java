package io.camelparadigm.examples.watcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML status watcher against the emulator on a manual clock: the test decides when documents progress. */
class StatusWatcherRouteTest extends CamelTestSupport {

    private static final String ROUTE = "paradigm-status-watcher";
    private static final Duration STEP = Duration.ofSeconds(30);

    @RegisterExtension
    // 30 s per status: a poll sees each status once the clock is past the consumer's overlap (2 s)
    static final ParadigmEmulatorExtension PARADIGM = ParadigmEmulatorExtension.builder().manualClock()
            .stepDuration(STEP).build();

    @TempDir
    Path deadLetterFolder;

    @BeforeEach
    void emptyEmulator() {
        PARADIGM.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(PARADIGM.baseUrl());
        paradigm.getConfiguration().setApiKey(PARADIGM.apiKey());
        Properties properties = new Properties();
        properties.put("paradigm.workspace-id", String.valueOf(PARADIGM.workspaceId()));
        // the emulator's manual clock starts in 2025: "now" by this machine's clock would be later than every change
        properties.put("watcher.startFrom", "all");
        properties.put("watcher.pollDelay", "50");
        properties.put("watcher.deadLetterFolder", deadLetterFolder.toString());
        context.getPropertiesComponent().setOverrideProperties(properties);
        return context;
    }

    @Test
    void everyChangeGoesThroughTheRouteAndOnlyFailedDocumentsReachTheDeadLetterFolder() throws Exception {
        PARADIGM.scriptFailure("^scan-", "parsing_failed", "PDF is encrypted");
        long report = PARADIGM.seedFile(SeedFile.builder(PARADIGM.workspaceId(), "report.pdf").build());
        long scan = PARADIGM.seedFile(SeedFile.builder(PARADIGM.workspaceId(), "scan-contract.pdf")
                .externalMetadata(Map.of("external_id", "contracts/42"))
                .build());

        MockEndpoint changes = startWatcher();
        changes.expectedBodiesReceivedInAnyOrder(report + " pending", scan + " pending");
        PARADIGM.advance(STEP.dividedBy(2));
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, changes);
        assertThat(deadLetters()).isEmpty();

        changes.reset();
        changes.expectedBodiesReceivedInAnyOrder(report + " embedded", scan + " parsing_failed");
        PARADIGM.advance(STEP.multipliedBy(3));
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, changes);

        List<Path> deadLetters = deadLetters();
        assertThat(deadLetters).extracting(path -> path.getFileName().toString())
                .containsExactly(scan + "-parsing_failed.json");
        JsonNode details = ParadigmJson.mapper().readTree(deadLetters.get(0).toFile());
        assertThat(details.get("id").asLong()).isEqualTo(scan);
        assertThat(details.get("filename").asText()).isEqualTo("scan-contract.pdf");
        assertThat(details.get("status").asText()).isEqualTo("parsing_failed");
        assertThat(details.get("previous_status").asText()).isEqualTo("pending");
        assertThat(details.get("status_detail").asText()).isEqualTo("PDF is encrypted");
        assertThat(details.get("external_id").asText()).isEqualTo("contracts/42");
        assertThat(details.get("workspace_id").asLong()).isEqualTo(PARADIGM.workspaceId());
    }

    @Test
    void aFailureIsWrittenOnceWhateverTheNumberOfPolls() throws Exception {
        PARADIGM.scriptFailure("huge", "embedding_failed", "Embedding service timed out");
        long huge = PARADIGM.seedFile(SeedFile.builder(PARADIGM.workspaceId(), "huge-manual.pdf").build());

        MockEndpoint changes = startWatcher();
        changes.expectedBodiesReceived(huge + " pending");
        PARADIGM.advance(STEP.dividedBy(2));
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, changes);

        changes.reset();
        changes.expectedBodiesReceived(huge + " embedding_failed");
        PARADIGM.advance(STEP.multipliedBy(3));
        MockEndpoint.assertIsSatisfied(20, TimeUnit.SECONDS, changes);

        // a second of polls (every 50 ms) over an unchanged workspace delivers nothing more
        changes.reset();
        changes.expectedMessageCount(0);
        changes.setAssertPeriod(1000);
        changes.assertIsSatisfied();
        assertThat(deadLetters()).extracting(path -> path.getFileName().toString())
                .containsExactly(huge + "-embedding_failed.json");
    }

    /**
     * Loads the YAML route and taps every change it handled into mock:changes, as "id status" (last: once the mock has
     * a change, its dead letter is written).
     */
    private MockEndpoint startWatcher() throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/status-watcher.yaml"));
        AdviceWith.adviceWith(context, ROUTE, route -> route.weaveAddLast().wireTap("direct:tap"));
        return getMockEndpoint("mock:changes");
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:tap")
                        .setBody(simple("${header.CamelParadigmFileId} ${header.CamelParadigmStatus}"))
                        .to("mock:changes");
            }
        };
    }

    private List<Path> deadLetters() throws Exception {
        try (Stream<Path> files = Files.list(deadLetterFolder)) {
            return files.sorted().toList();
        }
    }
}
