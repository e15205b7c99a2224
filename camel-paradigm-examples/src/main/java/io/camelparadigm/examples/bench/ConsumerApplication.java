package io.camelparadigm.examples.bench;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.emulator.ParadigmEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;

/** A Camel application with one {@code paradigm:} consumer route counting its events into a tally. */
final class ConsumerApplication implements AutoCloseable {

    static final String ROUTE = "bench-consumer";

    private final CamelContext camel;

    private ConsumerApplication(CamelContext camel) {
        this.camel = camel;
    }

    static ConsumerApplication start(String baseUrl, String apiKey, String uri, EventTally tally) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ParadigmComponent paradigm = camel.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(baseUrl);
        paradigm.getConfiguration().setApiKey(apiKey);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(ROUTE)
                        .process(exchange -> tally.delivered(exchange.getMessage().getHeader(
                                "CamelParadigmFileId", 0L, Long.class)));
            }
        });
        camel.start();
        return new ConsumerApplication(camel);
    }

    static ConsumerApplication start(ParadigmEmulator emulator, String uri, EventTally tally) throws Exception {
        return start(emulator.baseUrl(), emulator.apiKey(), uri, tally);
    }

    /** One scheduled run of the consumer (with startScheduler=false), on this thread. */
    void poll() {
        ((ScheduledPollConsumer) camel.getRoute(ROUTE).getConsumer()).run();
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }
}
