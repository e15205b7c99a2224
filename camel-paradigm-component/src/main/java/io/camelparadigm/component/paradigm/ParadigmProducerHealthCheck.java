package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.FileQuery;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code paradigm:} producer: can this endpoint's key list one file of its workspace? One request,
 * never retried or queued behind the endpoint's concurrency limit, so a health endpoint answers promptly. Enabled
 * with Camel's producer health checks ({@code camel.health.producersEnabled=true}).
 */
final class ParadigmProducerHealthCheck extends AbstractHealthCheck {

    private final ParadigmEndpoint endpoint;

    ParadigmProducerHealthCheck(ParadigmEndpoint endpoint) {
        super("camel", "producer:paradigm-" + endpoint.getId());
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ParadigmConfiguration configuration = endpoint.getConfiguration();
        builder.detail(ENDPOINT_URI, endpoint.getEndpointBaseUri());
        ParadigmClient probe = new ParadigmClient(endpoint.getComponent().httpClient(), configuration.getBaseUrl(),
                configuration.getApiKey(), Duration.ofMillis(configuration.getResponseTimeout()));
        FileQuery.Builder query = FileQuery.builder().pageSize(1).workspaceIds(configuration.workspaceFilter());
        try {
            probe.listFiles(query.build());
            builder.up();
        } catch (ParadigmApiException e) {
            builder.detail(HTTP_RESPONSE_CODE, e.getHttpStatus()).message(e.getMessage()).error(e).down();
        } catch (RuntimeException e) {
            builder.message(e.getMessage()).error(e).down();
        }
    }
}
