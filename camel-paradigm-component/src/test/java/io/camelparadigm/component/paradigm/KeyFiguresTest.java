package io.camelparadigm.component.paradigm;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.camelparadigm.component.paradigm.client.KeyGate;
import io.camelparadigm.emulator.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.spi.EndpointServiceRegistry;
import org.apache.camel.util.URISupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of a key, as the dev console, JMX and Micrometer show them, checked against what the emulator
 * received: uploads under injected 429s and lost answers.
 */
class KeyFiguresTest extends EmulatorRouteTestSupport {

    private static final int UPLOADS = 30;
    private static final String UPLOAD = "paradigm:upload?retryInitialDelay=1&maxRetries=20";

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withJMX(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", meters);
        context.setDevConsole(true);
        context.getComponent("paradigm", ParadigmComponent.class).getConfiguration().setWorkspaceId(workspaceId());
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // in a route, so that JMX registers the endpoint when the context starts
                from("direct:upload").to(UPLOAD);
                // a key written into an endpoint URI
                from("direct:workspaces").routeId("workspaces").to("paradigm:listWorkspaces?apiKey=RAW("
                                                                   + EMULATOR.apiKey() + ")");
            }
        };
    }

    /** 30 uploads (each with an external id), 30 % of requests answered 429, two uploads' answers lost. */
    private List<RecordedRequest> uploadUnderFaults() {
        EMULATOR.faults().retryAfterSeconds(0).randomErrors(0.30, 429, 42).dropAfterStore(2);
        for (int i = 0; i < UPLOADS; i++) {
            template.sendBodyAndHeaders("direct:upload", "document " + i,
                    Map.of(ParadigmConstants.EXTERNAL_ID, "doc-" + i, Exchange.FILE_NAME, "doc-" + i + ".txt"));
        }
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(UPLOADS);
        return EMULATOR.requests();
    }

    private static long lookups(List<RecordedRequest> log) {
        return log.stream().filter(r -> r.method().equals("GET") && r.query() != null
                                        && r.query().contains("external_id=")).count();
    }

    private static long status(List<RecordedRequest> log, int status) {
        return log.stream().filter(r -> r.status() == status).count();
    }

    private KeyGate gate() {
        return context.getEndpoint(UPLOAD, ParadigmEndpoint.class).getKeyGate();
    }

    @Test
    void theKeysCountsMatchTheRequestsTheServiceReceived() {
        List<RecordedRequest> log = uploadUnderFaults();
        var statistics = gate().statistics();

        assertThat(status(log, 429)).isPositive();
        assertThat(statistics.requests()).isEqualTo(log.size());
        assertThat(statistics.tooManyRequests()).isEqualTo(status(log, 429));
        assertThat(statistics.otherTooManyRequests()).as("injected 429s are no limit").isEqualTo(status(log, 429));
        // each request is an upload's first try, a look-up's first try, or a retry
        assertThat(statistics.lookups()).isEqualTo(2);
        assertThat(statistics.retries()).isEqualTo(log.size() - UPLOADS - statistics.lookups());
        assertThat(lookups(log)).isGreaterThanOrEqualTo(statistics.lookups());
        assertThat(statistics.requestsLastMinute()).isEqualTo(log.size());
        assertThat(statistics.lastError().message()).contains("HTTP 429");
    }

    @Test
    void theDevConsoleShowsTheKeysFiguresButNotTheKey() {
        List<RecordedRequest> log = uploadUnderFaults();
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("paradigm");

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        String text = (String) console.call(DevConsole.MediaType.TEXT);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> keys = (List<Map<String, Object>>) json.get("keys");
        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key).containsEntry("key", gate().keyId())
                    .containsEntry("baseUrl", EMULATOR.baseUrl())
                    .containsEntry("requests", (long) log.size())
                    .containsEntry("requestsLastMinute", (long) log.size())
                    .containsEntry("tooManyRequests", status(log, 429))
                    .containsEntry("otherTooManyRequests", status(log, 429))
                    .containsEntry("rateLimited", 0L)
                    .containsEntry("lookups", 2L)
                    .containsEntry("retries", log.size() - UPLOADS - 2L)
                    .containsEntry("concurrencyLimit", gate().concurrency().limit())
                    .containsEntry("inFlight", 0)
                    .containsEntry("learnedRateLimit", -1L);
            assertThat((String) key.get("lastError")).contains("HTTP 429");
        });
        assertThat(text).contains("Key " + gate().keyId() + " on " + EMULATOR.baseUrl())
                .contains("requests: " + log.size() + " (" + log.size() + " in the last minute)")
                .contains("429s: " + status(log, 429) + " (rate limit: 0");
        assertThat(json.toString() + text).doesNotContain(EMULATOR.apiKey());
    }

    @Test
    void jmxShowsTheSameFiguresOnTheEndpoint() throws Exception {
        List<RecordedRequest> log = uploadUnderFaults();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();

        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getManagementName()
                                                                 + ",type=endpoints,*"), null);
        ObjectName upload = names.stream().filter(name -> name.toString().contains("paradigm://upload"))
                .findFirst().orElseThrow(() -> new AssertionError("no paradigm endpoint among " + names));

        assertThat(server.getAttribute(upload, "Requests")).isEqualTo((long) log.size());
        assertThat(server.getAttribute(upload, "TooManyRequests")).isEqualTo(status(log, 429));
        assertThat(server.getAttribute(upload, "Retries")).isEqualTo(log.size() - UPLOADS - 2L);
        assertThat(server.getAttribute(upload, "Lookups")).isEqualTo(2L);
        assertThat(server.getAttribute(upload, "KeyId")).isEqualTo(gate().keyId());
        assertThat(server.getAttribute(upload, "ConcurrencyLimit")).isEqualTo(gate().concurrency().limit());
        assertThat(server.getAttribute(upload, "RequestsInFlight")).isEqualTo(0);
        assertThat(server.getAttribute(upload, "LearnedRateLimit")).isEqualTo(-1L);
        assertThat((String) server.getAttribute(upload, "LastError")).contains("HTTP 429")
                .doesNotContain(EMULATOR.apiKey());
        assertThat(upload.toString()).doesNotContain(EMULATOR.apiKey());
        // no attribute of any paradigm endpoint shows the key, not even of the one with the key in its URI
        List<ObjectName> paradigm = names.stream().filter(name -> name.toString().contains("paradigm:")).toList();
        assertThat(paradigm).hasSize(2);
        for (ObjectName name : paradigm) {
            assertThat(name.toString()).doesNotContain(EMULATOR.apiKey());
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                assertThat(String.valueOf(server.getAttribute(name, attribute.getName())))
                        .as("%s of %s", attribute.getName(), name).doesNotContain(EMULATOR.apiKey());
            }
        }
    }

    @Test
    void micrometerCountsMatchTheRequestsTheServiceReceived() {
        List<RecordedRequest> log = uploadUnderFaults();
        String key = gate().keyId();

        assertThat(meters.get("camel.paradigm.requests").tag("key", key).functionCounter().count())
                .isEqualTo(log.size());
        assertThat(meters.get("camel.paradigm.requests.throttled").tag("key", key).tag("reason", "other")
                .functionCounter().count()).isEqualTo(status(log, 429));
        assertThat(meters.get("camel.paradigm.requests.throttled").tag("reason", "rate_limit")
                .functionCounter().count()).isZero();
        assertThat(meters.get("camel.paradigm.retries").tag("key", key).functionCounter().count())
                .isEqualTo(log.size() - UPLOADS - 2);
        assertThat(meters.get("camel.paradigm.lookups").tag("key", key).functionCounter().count()).isEqualTo(2);
        assertThat(meters.get("camel.paradigm.concurrency.limit").tag("camelContext", context.getName()).gauge()
                .value()).isEqualTo(gate().concurrency().limit());
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString())
                .doesNotContain(EMULATOR.apiKey()));
    }

    @Test
    void theServicesListNamesTheServiceAndProtocolButNotTheKey() {
        List<EndpointServiceRegistry.EndpointService> services = context.getCamelContextExtension()
                .getEndpointServiceRegistry().listAllEndpointServices().stream()
                .filter(service -> service.getComponent().equals("paradigm")).toList();

        assertThat(services).hasSize(2).allSatisfy(service -> {
            assertThat(service.getServiceUrl()).isEqualTo(EMULATOR.baseUrl());
            assertThat(service.getServiceProtocol()).isEqualTo("http");
            assertThat(service.getDirection()).isEqualTo("out");
            // as Camel's JMX lists it (the registry itself holds the URI as written: see the component page)
            assertThat(URISupport.sanitizeUri(service.getEndpointUri())).doesNotContain(EMULATOR.apiKey());
        });
    }
}
