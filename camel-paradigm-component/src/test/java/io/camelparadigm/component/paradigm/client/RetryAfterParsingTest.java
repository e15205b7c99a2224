package io.camelparadigm.component.paradigm.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.hc.client5.http.utils.DateUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterParsingTest {

    @Test
    void secondsAreReadAsSeconds() {
        assertThat(ParadigmClient.parseRetryAfter("30")).isEqualTo(30L);
        assertThat(ParadigmClient.parseRetryAfter(" 7 ")).isEqualTo(7L);
        assertThat(ParadigmClient.parseRetryAfter("0")).isZero();
    }

    @Test
    void negativeSecondsMeanRetryNow() {
        assertThat(ParadigmClient.parseRetryAfter("-5")).isZero();
    }

    @Test
    void httpDateInThePastMeansRetryNow() {
        assertThat(ParadigmClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isZero();
    }

    @Test
    void httpDateInTheFutureIsTurnedIntoTheSecondsUntilThen() {
        String inADay = DateUtils.formatStandardDate(Instant.now().plus(1, ChronoUnit.DAYS));

        // a day away, give or take the second the date format drops and the time the test takes to get here
        assertThat(ParadigmClient.parseRetryAfter(inADay)).isBetween(86_300L, 86_400L);
    }

    @Test
    void absentOrUnreadableValuesAreIgnored() {
        assertThat(ParadigmClient.parseRetryAfter(null)).isNull();
        assertThat(ParadigmClient.parseRetryAfter("")).isNull();
        assertThat(ParadigmClient.parseRetryAfter("soon")).isNull();
    }
}
