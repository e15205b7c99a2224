package io.camelparadigm.examples.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterRedeliveryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-10T09:12:00Z"), ZoneOffset.UTC);

    @Test
    void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
        RetryAfterRedelivery retries = new RetryAfterRedelivery(null, CLOCK);

        assertThat(retries.retryAfter(Map.of("Retry-After", "7"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(retries.retryAfter(Map.of("retry-after", "Mon, 10 Mar 2025 09:12:30 GMT")))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.retryAfter(Map.of("Retry-After", "Mon, 10 Mar 2025 09:00:00 GMT"))).isZero();
        assertThat(retries.retryAfter(Map.of("Retry-After", "soon"))).isNull();
        assertThat(retries.retryAfter(Map.of())).isNull();
    }

    @Test
    void aThrottledCallWaitsForItsRetryAfterAndA401IsRetriedOnlyWhenTheCredentialCanBeRenewed() {
        int[] renewed = {0};
        RetryAfterRedelivery renewing = new RetryAfterRedelivery(() -> renewed[0]++, CLOCK);
        RetryAfterRedelivery fixed = new RetryAfterRedelivery(null, CLOCK);

        Exchange throttled = failed(429, Map.of("Retry-After", "3"));
        assertThat(fixed.isRetried(throttled)).isTrue();
        fixed.beforeRetry(throttled);
        assertThat(throttled.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isEqualTo(3000L);

        Exchange refused = failed(401, Map.of());
        assertThat(fixed.isRetried(refused)).isFalse();
        assertThat(renewing.isRetried(refused)).isTrue();
        renewing.beforeRetry(refused);
        assertThat(renewed[0]).isEqualTo(1);
        assertThat(refused.getMessage().getHeader(Exchange.REDELIVERY_DELAY)).isNull();

        assertThat(renewing.isRetried(failed(404, Map.of()))).isFalse();
    }

    private static Exchange failed(int status, Map<String, String> headers) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(new HttpOperationFailedException("https://graph.microsoft.com/v1.0/drives/x/root/delta",
                status, "status " + status, null, headers, "{}"));
        return exchange;
    }
}
