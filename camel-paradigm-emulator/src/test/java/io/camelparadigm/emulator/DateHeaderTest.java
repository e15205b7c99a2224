package io.camelparadigm.emulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Date} header, which change consumers take as the point up to which a listing is complete: on a manual
 * clock an answer is never dated after the state it read, even when a test moves the clock while it is answered.
 */
class DateHeaderTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension EMULATOR = new ParadigmEmulatorExtension();

    @RegisterExtension
    final ApiTestClient api = ApiTestClient.onEmptiedEmulator(EMULATOR);

    @Test
    void anAnswerIsDatedWhenItsRequestArrivedWhenTheManualClockJumpsWhileItIsAnswered() {
        long id = EMULATOR.seedFile(SeedFile.builder(EMULATOR.workspaceId(), "report.pdf").build());
        Instant arrived = EMULATOR.now();
        // as a test thread advancing the clock while a consumer's listing is answered: the listing reads the state
        // after the jump (the document processed), an answer dated after the jump would say it read later still
        EMULATOR.onRequest(request -> EMULATOR.advance(Duration.ofSeconds(10)));

        ApiTestClient.Reply reply = api.get("/api/v3/files/" + id);

        assertThat(reply.json().path("status").asText()).isEqualTo("embedded");
        assertThat(dateOf(reply)).isEqualTo(arrived.truncatedTo(ChronoUnit.SECONDS));
        assertThat(EMULATOR.now()).isEqualTo(arrived.plusSeconds(10));
    }

    @Test
    void theInjectedSkewShiftsTheDate() {
        Instant arrived = EMULATOR.now();
        EMULATOR.faults().dateSkew(Duration.ofSeconds(-3));

        ApiTestClient.Reply reply = api.get("/api/v3/workspaces");

        assertThat(dateOf(reply)).isEqualTo(arrived.minusSeconds(3).truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant dateOf(ApiTestClient.Reply reply) {
        return ZonedDateTime.parse(reply.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
