package io.camelparadigm.component.paradigm;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bad option fails when the endpoint is created (so a route with it does not start), naming the option and the
 * value, instead of becoming another value (Camel's binding reads "abc" as 0) or being sent for the server to refuse.
 */
class BadOptionValuesTest extends EmulatorRouteTestSupport {

    private static final String LONG_NAME = "x".repeat(256);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "upload?workspaceId=abc                                    | workspaceId              | 'abc'",
            "upload?workspaceId=                                       | workspaceId              | ''",
            "upload?workspaceId=5s                                     | workspaceId              | '5s'",
            "upload?workspaceId=0                                      | workspaceId              | '0'",
            "upload?workspaceId=-1                                     | workspaceId              | '-1'",
            "getFile?fileId=abc                                        | fileId                   | 'abc'",
            "getFile?fileId=0                                          | fileId                   | '0'",
            "listFiles?totalPagesMin=abc                               | totalPagesMin            | 'abc'",
            "listFiles?totalPagesMin=-1                                | totalPagesMin            | '-1'",
            "listFiles?totalPagesMin=9&totalPagesMax=2                 | totalPagesMin            | 9",
            "listFiles?pageSize=0                                      | pageSize                 | '0'",
            "listFiles?pageSize=ten                                    | pageSize                 | 'ten'",
            "search?search=x&maxDocuments=501                          | maxDocuments             | '501'",
            "search?search=x&maxDocuments=0                            | maxDocuments             | '0'",
            "search?search=x&searchDetailsChunksLimit=11               | searchDetailsChunksLimit | '11'",
            "listFiles?maxResults=-1                                   | maxResults               | '-1'",
            "listFiles?createdAtAfter=yesterday                        | createdAtAfter           | 'yesterday'",
            "listFiles?updatedAtBefore=2025-13-01                      | updatedAtBefore          | '2025-13-01'",
            "listFiles?uploadSessionUuid=session-1                     | uploadSessionUuid        | 'session-1'",
            "listFiles?ordering=size                                   | ordering                 | 'size'",
            "listFiles?status=embeded                                  | status                   | 'embeded'",
            "listFiles?statusVision=done                               | statusVision             | 'done'",
            "listFiles?groupId=sales                                   | groupId                  | 'sales'",
            "listFiles?workspaceIds=1,two                              | workspaceIds             | 'two'",
            "upload?workspaceId=1&tags=1,urgent                        | tags                     | 'urgent'",
            "upload?workspaceId=1&maxFileSize=0                        | maxFileSize              | '0'",
            "listWorkspaces?maxRetries=-1                              | maxRetries               | '-1'",
            "listWorkspaces?responseTimeout=0                          | responseTimeout          | '0'",
            "listWorkspaces?initialConcurrency=0                       | initialConcurrency       | '0'",
            "listWorkspaces?maxConcurrency=0                           | maxConcurrency           | '0'",
            "listWorkspaces?retryInitialDelay=0                        | retryInitialDelay        | '0'",
            "fileEvents?statuses=embeded                               | statuses                 | 'embeded'",
            "fileEvents?startFrom=yesterday                            | startFrom                | 'yesterday'",
    })
    void aBadOptionFailsEndpointCreationNamingTheOptionAndTheValue(String uri, String option, String value) {
        assertThatThrownBy(() -> context.getEndpoint("paradigm:" + uri.trim()))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(messages(e)).contains(option).contains(value));
        assertThat(EMULATOR.requests()).isEmpty();
    }

    @Test
    void namesLongerThanTheApiAcceptsFailEndpointCreation() {
        for (String option : new String[] { "title", "filename", "parser" }) {
            assertThatThrownBy(() -> context.getEndpoint("paradigm:upload?workspaceId=1&" + option + "=" + LONG_NAME))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .satisfies(e -> assertThat(messages(e)).contains(option + " has 256 characters")
                            .contains("255"));
        }
    }

    @Test
    void moreTagsThanOneUploadFormCanCarryFailEndpointCreation() {
        String tags = String.join(",", java.util.stream.LongStream.rangeClosed(1, 996).mapToObj(Long::toString)
                .toList());

        assertThatThrownBy(() -> context.getEndpoint("paradigm:upload?workspaceId=1&tags=" + tags))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .satisfies(e -> assertThat(messages(e)).contains("996 tags").contains("995").contains("addTags"));
        // 995 tags and the 5 other fields make the 1,000 fields the service reads
        assertThat(context.getEndpoint("paradigm:upload?workspaceId=1&tags=" + tags.substring(0, tags.lastIndexOf(','))))
                .isNotNull();
    }

    @Test
    void aRouteWithABadOptionDoesNotStart() {
        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:upload").routeId("bad-workspace").to("paradigm:upload?workspaceId=abc");
            }
        })).isInstanceOf(FailedToCreateRouteException.class)
                .satisfies(e -> assertThat(messages(e)).contains("bad-workspace").contains("workspaceId").contains("'abc'"));
    }

    /** What camel-main does with camel.component.paradigm.workspace-id=abc in application.properties. */
    @Test
    void aBadComponentOptionFailsWhenItIsBound() {
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        Map<String, Object> properties = new HashMap<>(Map.of("workspaceId", "abc"));

        assertThatThrownBy(() -> PropertyBindingSupport.build().withConfigurer(paradigm.getComponentPropertyConfigurer())
                .withIgnoreCase(true).bind(context, paradigm, properties))
                .satisfies(e -> assertThat(messages(e)).contains("workspaceId").contains("'abc'"));
        assertThat(paradigm.getConfiguration().getWorkspaceId()).isNull();
    }

    @Test
    void goodValuesAreTakenAsGivenAndDurationsKeepCamelsUnits() {
        ParadigmEndpoint endpoint = context.getEndpoint("paradigm:listFiles?workspaceId=42&totalPagesMin=0"
                                                        + "&totalPagesMax=10&responseTimeout=5s&delay=2s"
                                                        + "&createdAtAfter=2025-01-31&updatedAtBefore=2025-01-31T12:00:00Z"
                                                        + "&ordering=-title&status=embedded,fail&maxDocuments=500",
                ParadigmEndpoint.class);

        ParadigmConfiguration configuration = endpoint.getConfiguration();
        assertThat(configuration.getWorkspaceId()).isEqualTo(42L);
        assertThat(configuration.getTotalPagesMin()).isZero();
        assertThat(configuration.getResponseTimeout()).isEqualTo(5000L);
        assertThat(endpoint.getDelay()).isEqualTo(2000L);
    }

    /** Every message of the exception and its causes, for asserting on what the user reads. */
    static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
