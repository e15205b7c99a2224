package io.camelparadigm.component.paradigm;

import java.util.Arrays;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operation of a URI is checked when the route starts: a misspelt one, a consumer in to() or an operation in
 * from() fails the start with a message that lists what is valid there. No request is needed to find out.
 */
class OperationAtRouteStartTest {

    private static final String KEY = "psk-operation-test-1b7e4c";
    private static final String PRODUCER_OPERATIONS = Arrays.toString(ParadigmOperations.values());

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aMisspeltOperationFailsTheRouteStartListingTheValidOnes() {
        Throwable failure = startFailure("direct:in", "paradigm:uplaod?workspaceId=1");

        assertThat(failure).hasMessage("paradigm:uplaod: unknown operation 'uplaod'. In to(), use one of "
                                       + PRODUCER_OPERATIONS + "; in from(), one of [fileEvents, sessionEvents]");
    }

    @Test
    void aConsumerInToFailsTheRouteStartSayingWhereItBelongs() {
        Throwable failure = startFailure("direct:in", "paradigm:fileEvents");

        assertThat(failure).hasMessage("paradigm:fileEvents is a consumer: use it in from(). In to(), use one of "
                                       + PRODUCER_OPERATIONS);
    }

    @Test
    void anOperationInFromFailsTheRouteStartSayingWhereItBelongs() {
        Throwable failure = startFailure("paradigm:upload", "log:never");

        assertThat(failure).hasMessage("paradigm:upload cannot be used in from(): it is an operation for to(). In "
                                       + "from(), use one of [fileEvents, sessionEvents]");
    }

    @Test
    void everyOperationAndConsumerOfTheCatalogStarts() throws Exception {
        context.getComponent("paradigm", ParadigmComponent.class).getConfiguration().setApiKey(KEY);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (ParadigmOperations operation : ParadigmOperations.values()) {
                    from("direct:" + operation).to("paradigm:" + operation);
                }
                from("paradigm:fileEvents?startScheduler=false").to("log:files");
                from("paradigm:sessionEvents?startScheduler=false").to("log:sessions");
            }
        });

        context.start();

        assertThat(context.getRoutes()).hasSize(ParadigmOperations.values().length + 2);
    }

    /** Starts from(from).to(to); returns the innermost cause of the failed start, the component's own message. */
    private Throwable startFailure(String from, String to) {
        context.getComponent("paradigm", ParadigmComponent.class).getConfiguration().setApiKey(KEY);
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(from).to(to);
                }
            });
            context.start();
        }).satisfies(e -> failure[0] = rootCause(e));
        return failure[0];
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
