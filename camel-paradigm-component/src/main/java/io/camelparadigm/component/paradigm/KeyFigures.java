package io.camelparadigm.component.paradigm;

import java.util.LinkedHashMap;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.KeyGate;
import io.camelparadigm.component.paradigm.client.KeyStatistics;

/** The figures of one API key's requests, as the dev console shows them (never the key, only its fingerprint). */
record KeyFigures(String key, String baseUrl, int concurrencyLimit, int inFlight, long requestsLastMinute,
                  long requests, long tooManyRequests, long rateLimited, long concurrencyLimited,
                  long otherTooManyRequests, long retries, long lookups, long learnedRateLimit,
                  long rateLimitPeriodSeconds, long rateLimitHoldSeconds, String lastErrorAt, String lastError) {

    static KeyFigures of(KeyGate gate) {
        KeyStatistics statistics = gate.statistics();
        KeyStatistics.LastError error = statistics.lastError();
        return new KeyFigures(gate.keyId(), gate.baseUrl(), gate.concurrency().limit(), gate.concurrency().inFlight(),
                statistics.requestsLastMinute(), statistics.requests(), statistics.tooManyRequests(),
                statistics.rateLimited(), statistics.concurrencyLimited(), statistics.otherTooManyRequests(),
                statistics.retries(), statistics.lookups(), gate.learnedRateLimit(),
                gate.rateLimitPeriod().toSeconds(), (gate.rateLimitHold().toMillis() + 999) / 1000,
                error == null ? null : error.at().toString(), error == null ? null : error.message());
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", key);
        map.put("baseUrl", baseUrl);
        map.put("concurrencyLimit", concurrencyLimit);
        map.put("inFlight", inFlight);
        map.put("requestsLastMinute", requestsLastMinute);
        map.put("requests", requests);
        map.put("tooManyRequests", tooManyRequests);
        map.put("rateLimited", rateLimited);
        map.put("concurrencyLimited", concurrencyLimited);
        map.put("otherTooManyRequests", otherTooManyRequests);
        map.put("retries", retries);
        map.put("lookups", lookups);
        map.put("learnedRateLimit", learnedRateLimit);
        map.put("rateLimitPeriodSeconds", rateLimitPeriodSeconds);
        map.put("rateLimitHoldSeconds", rateLimitHoldSeconds);
        if (lastError != null) {
            map.put("lastErrorAt", lastErrorAt);
            map.put("lastError", lastError);
        }
        return map;
    }

    String toText() {
        StringBuilder text = new StringBuilder()
                .append("Key ").append(key).append(" on ").append(baseUrl).append('\n')
                .append("    concurrency limit: ").append(concurrencyLimit).append(", in flight: ").append(inFlight)
                .append('\n')
                .append("    requests: ").append(requests).append(" (").append(requestsLastMinute)
                .append(" in the last minute), retries: ").append(retries).append(", look-ups by external id: ")
                .append(lookups).append('\n')
                .append("    429s: ").append(tooManyRequests).append(" (rate limit: ").append(rateLimited)
                .append(", too many uploads in flight: ").append(concurrencyLimited).append(", other: ")
                .append(otherTooManyRequests).append(")\n")
                .append("    rate limit: ").append(learnedRateLimit < 0 ? "not met" : learnedRateLimit + " per "
                        + rateLimitPeriodSeconds + " s" + (rateLimitHoldSeconds > 0
                                ? ", holding for " + rateLimitHoldSeconds + " s" : ""))
                .append('\n');
        if (lastError != null) {
            text.append("    last error: ").append(lastErrorAt).append(' ').append(lastError).append('\n');
        }
        return text.toString();
    }
}
