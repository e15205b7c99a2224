package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** paradigm:fileEvents reports the new processing cycle of a document whose content was replaced in place. */
class ReplacedDocumentEventsTest extends EmulatorRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&startScheduler=false&workspaceId=" + workspaceId())
                        .routeId("events").to("mock:events");
            }
        };
    }

    @Test
    void aReplacedDocumentGoesThroughProcessingAgainAndEachStatusIsReported() {
        long id = replaceUpload("first version");
        for (int step = 0; step < 4; step++) {
            poll();
            EMULATOR.advance(Duration.ofSeconds(1));
        }
        EMULATOR.advance(Duration.ofMinutes(1));

        assertThat(replaceUpload("second version")).isEqualTo(id);
        for (int step = 0; step < 4; step++) {
            poll();
            EMULATOR.advance(Duration.ofSeconds(1));
        }

        assertThat(received()).containsExactly(
                id + ":pending", id + ":parsing<-pending", id + ":embedding<-parsing", id + ":embedded<-embedding",
                id + ":pending<-embedded", id + ":parsing<-pending", id + ":embedding<-parsing",
                id + ":embedded<-embedding");
    }

    private long replaceUpload(String content) {
        Exchange answer = template.request("paradigm:upload?onExisting=replace&workspaceId=" + workspaceId(), e -> {
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
