package io.camelparadigm.component.paradigm;

import java.time.Duration;

import io.camelparadigm.component.paradigm.client.ParadigmException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Component-level options: shared by every endpoint, overridden by endpoint options, applied to the one HTTP client. */
class ComponentConfigurationTest extends EmulatorRouteTestSupport {

    private static final String TRACE_HEADER = "X-Route-Trace";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setWorkspaceId(EMULATOR.workspaceId());
        paradigm.setHttpClientConfigurer(builder -> builder.addRequestInterceptorFirst(
                (request, entity, ctx) -> request.setHeader(TRACE_HEADER, "configured-by-hook")));
        return context;
    }

    @Test
    void componentWorkspaceIsUsedUnlessTheEndpointOverridesIt() {
        long other = EMULATOR.createWorkspace("other");

        template.sendBodyAndHeader("paradigm:upload", "a", Exchange.FILE_NAME, "component.txt");
        template.sendBodyAndHeader("paradigm:upload?workspaceId=" + other, "b", Exchange.FILE_NAME, "endpoint.txt");

        assertThat(EMULATOR.storedFiles(EMULATOR.workspaceId())).extracting(f -> f.filename())
                .containsExactly("component.txt");
        assertThat(EMULATOR.storedFiles(other)).extracting(f -> f.filename()).containsExactly("endpoint.txt");
    }

    @Test
    void httpClientConfigurerAdjustsEveryRequest() {
        template.sendBody("paradigm:listWorkspaces", null);

        assertThat(EMULATOR.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header(TRACE_HEADER)).isEqualTo("configured-by-hook"));
    }

    @Test
    void everyEndpointSharesTheComponentsClientWhichStopClosesDown() throws Exception {
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        template.sendBody("paradigm:listWorkspaces", null);
        template.sendBodyAndHeader("paradigm:upload", "a", Exchange.FILE_NAME, "a.txt");
        CloseableHttpClient shared = paradigm.httpClient();

        assertThat(context.getEndpoint("paradigm:getFile?fileId=1", ParadigmEndpoint.class).getComponent().httpClient())
                .isSameAs(shared);
        context.stop();

        assertThatThrownBy(() -> shared.execute(new HttpGet(EMULATOR.baseUrl() + "/api/v3/workspaces"), r -> null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void proxyOptionsSendRequestsThroughTheProxy() throws Exception {
        // the emulator plays the proxy: it answers absolute-form requests for a host that does not resolve
        try (CamelContext proxied = new org.apache.camel.impl.DefaultCamelContext()) {
            ParadigmComponent paradigm = proxied.getComponent("paradigm", ParadigmComponent.class);
            paradigm.getConfiguration().setBaseUrl("http://paradigm.invalid");
            paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
            paradigm.setProxyHost("127.0.0.1");
            paradigm.setProxyPort(EMULATOR.port());
            proxied.start();

            ParadigmFile created = proxied.createProducerTemplate().requestBodyAndHeader(
                    "paradigm:upload?maxRetries=0&workspaceId=" + EMULATOR.workspaceId(), "via proxy",
                    Exchange.FILE_NAME, "proxied.txt", ParadigmFile.class);

            assertThat(created.filename()).isEqualTo("proxied.txt");
            RecordedRequest upload = requests("POST", "/api/v3/files").get(0);
            assertThat(upload.header("Host")).isEqualTo("paradigm.invalid");
        }
    }

    @Test
    void responseTimeoutEndsAnAnswerThatTakesTooLong() {
        EMULATOR.faults().latency(Duration.ofSeconds(3));

        ParadigmException e = failureOf(ParadigmException.class,
                () -> template.sendBody("paradigm:listWorkspaces?maxRetries=0&responseTimeout=200", null));

        assertThat(e.getMessage()).startsWith("listWorkspaces:");
    }
}
