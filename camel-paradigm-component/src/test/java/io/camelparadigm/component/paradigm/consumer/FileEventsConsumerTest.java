package io.camelparadigm.component.paradigm.consumer;

import java.time.Duration;
import java.time.Instant;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.SeedFile;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileEventsConsumerTest extends ConsumerTestSupport {

    @Test
    void fileWalkingThroughProcessingYieldsFirstSightThenEachChangeInOrder() throws Exception {
        consume("paradigm:fileEvents?startFrom=all&workspaceId=" + workspaceId());
        long id = seed("report.pdf");
        letSettle();

        poll();
        step();
        poll();
        step();
        poll();
        step();
        poll();
        poll(); // nothing new

        assertThat(received()).containsExactly(id + ":pending", id + ":parsing<-pending", id + ":embedding<-parsing",
                id + ":embedded<-embedding");
        Message last = events().getReceivedExchanges().get(3).getMessage();
        assertThat(last.getBody(ParadigmFile.class).status()).isEqualTo("embedded");
        assertThat(last.getHeader(ParadigmConstants.TERMINAL, Boolean.class)).isTrue();
        assertThat(events().getReceivedExchanges().get(1).getMessage().getHeader(ParadigmConstants.TERMINAL))
                .isEqualTo(false);
        assertThat(last.getHeader(ParadigmConstants.UPLOAD_SESSION_UUID)).isNotNull();
    }

    @Test
    void statusesSkippedBetweenPollsAreNotInventedButThePreviousIsTheLastDelivered() throws Exception {
        consume("paradigm:fileEvents?startFrom=all");
        long id = seed("quick.pdf");
        letSettle();
        poll();
        EMULATOR.completeAll();
        letSettle();
        poll();

        assertThat(received()).containsExactly(id + ":pending", id + ":embedded<-pending");
    }

    @Test
    void scriptedFailureArrivesWithStatusDetailAsTerminal() throws Exception {
        EMULATOR.scriptFailure("broken", "parsing_failed", "The PDF is encrypted");
        consume("paradigm:fileEvents?startFrom=all&terminalOnly=true");
        long id = seed("broken.pdf");
        letSettle();
        for (int i = 0; i < 4; i++) {
            poll();
            step();
        }

        assertThat(received()).containsExactly(id + ":parsing_failed<-parsing");
        Message message = events().getReceivedExchanges().get(0).getMessage();
        assertThat(message.getHeader(ParadigmConstants.STATUS_DETAIL)).isEqualTo("The PDF is encrypted");
        assertThat(message.getHeader(ParadigmConstants.TERMINAL, Boolean.class)).isTrue();
    }

    @Test
    void statusesOptionEmitsOnlyThoseStatusesButTracksTheOthers() throws Exception {
        consume("paradigm:fileEvents?startFrom=all&statuses=parsing,embedded");
        long id = seed("a.pdf");
        letSettle();
        for (int i = 0; i < 4; i++) {
            poll();
            step();
        }

        // previous status is the last status seen, even when that change was not emitted
        assertThat(received()).containsExactly(id + ":parsing<-pending", id + ":embedded<-embedding");
    }

    @Test
    void filtersRestrictTheFilesFollowed() throws Exception {
        long tag = EMULATOR.tagIds().get(0);
        long other = EMULATOR.createWorkspace("other");
        consume("paradigm:fileEvents?startFrom=all&terminalOnly=true&workspaceId=" + workspaceId()
                + "&extension=docx&tags=" + tag + "&docType=email");
        long wanted = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "mail.docx").tagIds(tag)
                .externalMetadata(java.util.Map.of("external_id", "m-1", "doc_type", "email")).build());
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "mail.pdf").tagIds(tag)
                .externalMetadata(java.util.Map.of("external_id", "m-2", "doc_type", "email")).build());
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "untagged.docx")
                .externalMetadata(java.util.Map.of("external_id", "m-3", "doc_type", "email")).build());
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "invoice.docx").tagIds(tag)
                .externalMetadata(java.util.Map.of("external_id", "m-4", "doc_type", "invoice")).build());
        EMULATOR.seedFile(SeedFile.builder(other, "elsewhere.docx").tagIds(tag)
                .externalMetadata(java.util.Map.of("external_id", "m-5", "doc_type", "email")).build());
        EMULATOR.completeAll();
        letSettle();
        poll();

        assertThat(received()).containsExactly(wanted + ":embedded");
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader(ParadigmConstants.FILE_EXTERNAL_ID))
                .isEqualTo("m-1");
    }

    @Test
    void uploadSessionFilterFollowsOneSession() throws Exception {
        String session = "6f1c2a9e-0d4b-4c39-9a57-1e2f3b4c5d6e";
        long inSession = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "one.pdf").uploadSessionUuid(session).build());
        EMULATOR.seedFile(SeedFile.builder(workspaceId(), "two.pdf")
                .uploadSessionUuid("0a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d").build());
        consume("paradigm:fileEvents?startFrom=all&uploadSessionUuid=" + session);
        letSettle();
        poll();

        assertThat(received()).containsExactly(inSession + ":pending");
    }

    @Test
    void statusVisionHeaderCarriesTheFilesVisionStatus() throws Exception {
        long id = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "scan.pdf").status("embedded")
                .statusVision("processing").build());
        consume("paradigm:fileEvents?startFrom=all&includeStatusVisionChanges=true");
        letSettle();
        poll();
        assertThat(events().getReceivedExchanges().get(0).getMessage().getHeader(ParadigmConstants.STATUS_VISION))
                .isEqualTo("processing");
        assertThat(received()).containsExactly(id + ":embedded");
    }

    @Test
    void visionFinishingAfterTheTextIsAChangeOnlyWithIncludeStatusVisionChanges() throws Exception {
        // the text is embedded, its page images are still being processed
        long id = EMULATOR.seedFile(SeedFile.builder(workspaceId(), "scan.pdf").status("embedded")
                .statusVision("processing").build());
        consume("paradigm:fileEvents?startFrom=all&includeStatusVisionChanges=true");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&startScheduler=false").routeId("textOnly")
                        .to("mock:textOnly");
            }
        });
        letSettle();
        poll();
        pollRoute("textOnly");
        EMULATOR.advance(Duration.ofSeconds(5));
        EMULATOR.setStatusVision(id, "fail");
        letSettle();

        poll();
        pollRoute("textOnly");

        assertThat(received()).containsExactly(id + ":embedded", id + ":embedded<-embedded");
        assertThat(events().getReceivedExchanges().get(1).getMessage().getHeader(ParadigmConstants.STATUS_VISION))
                .isEqualTo("fail");
        assertThat(getMockEndpoint("mock:textOnly").getReceivedExchanges()).hasSize(1);
    }

    @Test
    void startFromNowSkipsTheExistingFilesAndFollowsNewOnes() throws Exception {
        long old = seed("old.pdf");
        EMULATOR.completeAll();
        letSettle();
        consume("paradigm:fileEvents"); // startFrom=now by default: the service's clock
        poll();
        assertThat(received()).isEmpty();

        long fresh = seed("fresh.pdf");
        letSettle();
        poll();
        step();
        poll();

        assertThat(received()).containsExactly(fresh + ":pending", fresh + ":parsing<-pending");
        assertThat(received()).noneMatch(event -> event.startsWith(old + ":"));
    }

    @Test
    void startFromAnInstantEmitsFilesChangedSinceThen() throws Exception {
        seed("before.pdf");
        EMULATOR.completeAll();
        EMULATOR.advance(Duration.ofMinutes(10));
        Instant start = EMULATOR.now();
        EMULATOR.advance(Duration.ofMinutes(10));
        long after = seed("after.pdf");
        EMULATOR.completeAll();
        letSettle();
        consume("paradigm:fileEvents?startFrom=" + start);
        poll();

        assertThat(received()).containsExactly(after + ":embedded");
    }

    @Test
    void failingRouteStepIsRedeliveredOnTheNextPollAndNothingIsLost() throws Exception {
        int[] failuresLeft = { 1 };
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&startScheduler=false").routeId(ROUTE)
                        .to("mock:attempts")
                        .process(exchange -> {
                            if (failuresLeft[0]-- > 0) {
                                throw new IllegalStateException("ticket system down");
                            }
                        })
                        .to("mock:events");
            }
        });
        long id = seed("a.pdf");
        letSettle();
        poll();
        assertThat(received()).isEmpty();
        assertThat(getMockEndpoint("mock:attempts").getReceivedCounter()).isEqualTo(1);

        poll();
        assertThat(received()).containsExactly(id + ":pending");
        step();
        poll();
        assertThat(received()).containsExactly(id + ":pending", id + ":parsing<-pending");
    }

    @Test
    void changeOfAFileFailingDoesNotHoldBackOtherFiles() throws Exception {
        long poison = seed("first.pdf");
        long healthy = seed("second.pdf");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("paradigm:fileEvents?startFrom=all&startScheduler=false").routeId(ROUTE)
                        .to("mock:attempts")
                        .filter(header(ParadigmConstants.FILE_ID).isEqualTo(poison))
                            .throwException(new IllegalStateException("poison"))
                        .end()
                        .to("mock:events");
            }
        });
        letSettle();
        poll();
        step();
        poll();

        assertThat(received()).containsExactly(healthy + ":pending", healthy + ":parsing<-pending");
        // the poison file is offered again on every poll, never marked as delivered
        assertThat(getMockEndpoint("mock:attempts").getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getHeader(ParadigmConstants.FILE_ID).equals(poison))
                .map(ConsumerTestSupport::describe)).containsExactly(poison + ":pending", poison + ":parsing");
    }

    @Test
    void tooManyRequestsSkipsPollsUntilRetryAfter() throws Exception {
        consume("paradigm:fileEvents?startFrom=all");
        EMULATOR.faults().retryAfterSeconds(3600);
        EMULATOR.faults().failNext(1, 429);
        poll();
        int afterFirst = EMULATOR.requests().size();
        poll();

        assertThat(afterFirst).isEqualTo(1);
        assertThat(EMULATOR.requests()).hasSize(1);
    }

    static Object body(Exchange exchange) {
        return exchange.getMessage().getBody();
    }
}
