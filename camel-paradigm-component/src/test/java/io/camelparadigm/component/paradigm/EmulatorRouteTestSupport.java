package io.camelparadigm.component.paradigm;

import java.util.List;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Route tests against the emulator over real HTTP: the paradigm component points at it, and it starts empty. */
abstract class EmulatorRouteTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock().build();

    @BeforeEach
    void emptyEmulator() {
        EMULATOR.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(EMULATOR.baseUrl());
        paradigm.getConfiguration().setApiKey(EMULATOR.apiKey());
        return context;
    }

    static long workspaceId() {
        return EMULATOR.workspaceId();
    }

    static List<RecordedRequest> requests(String method, String path) {
        return EMULATOR.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    /** The exception a route step raised, unwrapped from Camel's CamelExecutionException. */
    static <T extends Throwable> T failureOf(Class<T> type, Runnable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call::run).isInstanceOf(CamelExecutionException.class)
                .satisfies(e -> caught[0] = e.getCause())
                .cause().isInstanceOf(type);
        return type.cast(caught[0]);
    }
}
