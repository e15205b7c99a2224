package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * paradigm:fileEvents reports the new processing cycle of a document whose content was replaced in place. Polled by
 * hand on a manual clock whose steps (30 s per status) are longer than the consumer's overlap, as the consumer's own
 * tests do: a change is listed once the clock is half a step past it.
 */
class ReplacedDocumentEventsTest extends CamelTestSupport {

    private static final Duration STEP = Duration.ofSeconds(30);

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = ParadigmEmulatorExtension.builder().manualClock()
            .stepDuration(STEP).build();

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

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&startScheduler=false&workspaceId=" + EMULATOR.workspaceId())
                        .routeId("events").to("mock:events");
            }
        };
    }

    @Test
    void aReplacedDocumentGoesThroughProcessingAgainAndEachStatusIsReported() {
        long id = replaceUpload("first version");
        followOneProcessingCycle();
        EMULATOR.advance(Duration.ofMinutes(5));

        assertThat(replaceUpload("second version")).isEqualTo(id);
        followOneProcessingCycle();

        // the consumer has forgotten the finished document by then: the new cycle starts as a first sight
        assertThat(received()).containsExactly(
                id + ":pending", id + ":parsing<-pending", id + ":embedding<-parsing", id + ":embedded<-embedding",
                id + ":pending", id + ":parsing<-pending", id + ":embedding<-parsing", id + ":embedded<-embedding");
    }

    @Test
    void aReplacementWhoseWholeCycleFallsBetweenTwoPollsIsStillReportedWithItsFinalStatus() {
        long id = replaceUpload("first version");
        EMULATOR.completeAll();
        EMULATOR.advance(STEP.dividedBy(2));
        poll();

        replaceUpload("second version");
        EMULATOR.completeAll();
        EMULATOR.advance(STEP.dividedBy(2));
        poll();

        assertThat(received()).containsExactly(id + ":embedded", id + ":embedded");
    }

    /** A poll in each status of the processing that just started. */
    private void followOneProcessingCycle() {
        EMULATOR.advance(STEP.dividedBy(2));
        poll();
        for (int status = 1; status < 4; status++) {
            EMULATOR.advance(STEP);
            poll();
        }
    }

    private long replaceUpload(String content) {
        Exchange answer = template.request("paradigm:upload?onExisting=replace&workspaceId=" + EMULATOR.workspaceId(),
                e -> {
                    e.getMessage().setBody(content);
                    e.getMessage().setHeaders(Map.of(ParadigmConstants.EXTERNAL_ID, "events-1",
                            Exchange.FILE_NAME, "report.txt"));
                });
        assertThat(answer.getException()).isNull();
        return answer.getMessage().getHeader(ParadigmConstants.FILE_ID, Long.class);
    }

    private void poll() {
        ((ScheduledPollConsumer) context.getRoute("events").getConsumer()).run();
    }

    /** "id:status<-previous" of each event, in order. */
    private List<String> received() {
        return getMockEndpoint("mock:events").getReceivedExchanges().stream().map(exchange -> {
            Object previous = exchange.getMessage().getHeader(ParadigmConstants.PREVIOUS_STATUS);
            return exchange.getMessage().getHeader(ParadigmConstants.FILE_ID) + ":"
                   + exchange.getMessage().getHeader(ParadigmConstants.STATUS)
                   + (previous == null ? "" : "<-" + previous);
        }).toList();
    }
}
