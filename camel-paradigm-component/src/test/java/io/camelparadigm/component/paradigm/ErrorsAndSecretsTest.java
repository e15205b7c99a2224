package io.camelparadigm.component.paradigm;

import java.time.Duration;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.client.ParadigmException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.HttpResponseAware;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorsAndSecretsTest extends EmulatorRouteTestSupport {

    private static final String WRONG_KEY = "wrong-key-0123456789";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ParadigmApiException.class).handled(true)
                        .setBody(simple("failed: ${exception.httpStatus}"));
                from("direct:handled").to("paradigm:listWorkspaces?maxRetries=0");
            }
        };
    }

    @Test
    void wrongKeyFailsWith401AndTheKeyAppearsNowhere() {
        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:upload?workspaceId=" + workspaceId() + "&apiKey=" + WRONG_KEY,
                        "x", Exchange.FILE_NAME, "x.txt"));

        assertThat(e.getHttpStatus()).isEqualTo(401);
        assertThat(e).isInstanceOf(HttpResponseAware.class);
        assertThat(e.getOperation()).isEqualTo("upload");
        assertThat(e.getMessage()).contains("upload").contains("HTTP 401").doesNotContain(WRONG_KEY);
        assertThat(e.toString()).doesNotContain(WRONG_KEY);
        assertThat(EMULATOR.storedFiles()).isEmpty();
    }

    @Test
    void theKeyIsMaskedInTheEndpointUriCamelPrints() {
        Endpoint endpoint = context.getEndpoint("paradigm:listFiles?apiKey=" + WRONG_KEY + "&workspaceId=1");

        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(WRONG_KEY).contains("apiKey=xxxxxx");
        assertThat(endpoint.toString()).doesNotContain(WRONG_KEY);
        assertThat(((ParadigmEndpoint) endpoint).getConfiguration().toString()).doesNotContain(WRONG_KEY);
    }

    @Test
    void missingKeyFailsAtEndpointCreationSayingHowToSetIt() {
        context.getComponent("paradigm", ParadigmComponent.class).getConfiguration().setApiKey(null);

        assertThatThrownBy(() -> context.getEndpoint("paradigm:upload?workspaceId=1"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .rootCause().hasMessageContaining("apiKey").hasMessageContaining("PARADIGM_API_KEY")
                .hasMessageContaining("{{");
    }

    @Test
    void workspaceTheKeyMayNotWriteFailsWith403() {
        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBodyAndHeader("paradigm:upload?workspaceId=" + EMULATOR.readOnlyWorkspaceId(),
                        "x", Exchange.FILE_NAME, "x.txt"));
        assertThat(e.getHttpStatus()).isEqualTo(403);
        assertThat(e.getDetail()).isNotBlank();
    }

    @Test
    void throttlingCarriesRetryAfter() {
        EMULATOR.faults().retryAfterSeconds(7).failNext(1, 429);

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:listFiles?maxRetries=0", null));

        assertThat(e.getHttpStatus()).isEqualTo(429);
        assertThat(e.getRetryAfterSeconds()).isEqualTo(7L);
        assertThat(e.getMessage()).contains("listFiles").contains("HTTP 429").contains("Retry-After: 7");
    }

    @Test
    void serverErrorNamesOperationStatusAndServerCode() {
        EMULATOR.faults().failNext(1, 500);

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:getFile?fileId=1", null));

        assertThat(e.getHttpStatus()).isEqualTo(500);
        assertThat(e.getOperation()).isEqualTo("getFile");
        assertThat(e.getCode()).isNotBlank();
        assertThat(e.getMessage()).startsWith("getFile: file 1: HTTP 500");
    }

    @Test
    void maintenanceWindowIsReported() {
        EMULATOR.faults().maintenance(Duration.ofMinutes(5));

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:listWorkspaces", null));

        assertThat(e.getHttpStatus()).isEqualTo(503);
        assertThat(e.getError()).isEqualTo("service_maintenance");
        assertThat(e.getRetryAfterSeconds()).isPositive();
    }

    @Test
    void brokenJsonAnswerQuotesWhatCameBack() {
        EMULATOR.faults().malformedJsonNext(1);

        ParadigmApiException e = failureOf(ParadigmApiException.class,
                () -> template.sendBody("paradigm:listWorkspaces", null));

        assertThat(e.getMessage()).contains("listWorkspaces").contains("began with: '{");
    }

    @Test
    void droppedConnectionNamesTheOperation() {
        EMULATOR.faults().dropNext(1);

        ParadigmException e = failureOf(ParadigmException.class,
                () -> template.sendBody("paradigm:listFiles?maxRetries=0", null));

        assertThat(e.getMessage()).startsWith("listFiles: GET ").contains("failed");
    }

    @Test
    void routeErrorHandlerDecidesWhatHappens() {
        EMULATOR.faults().failNext(1, 502);

        assertThat(template.requestBody("direct:handled", null, String.class)).isEqualTo("failed: 502");
    }
}
