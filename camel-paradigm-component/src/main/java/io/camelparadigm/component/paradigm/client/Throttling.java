package io.camelparadigm.component.paradigm.client;

/**
 * What a 429 asks for. The service answers 429 for two different limits, which call for different reactions, and a
 * 429 may also come alone among successes, which is no limit at all.
 */
public enum Throttling {

    /** The key's rate limit (about 1,000 requests a minute): every request of the key waits, then they are paced. */
    RATE_LIMIT,

    /** Too many uploads in flight in the upload session: fewer requests in flight. */
    CONCURRENCY,

    /** Neither says so nor looks like it: this request waits its Retry-After; the key's limits stay as they are. */
    TRANSIENT;

    /** The error code of the rate limit's answer (Django REST framework's throttling, which the service uses). */
    static final String THROTTLED = "throttled";
    static final String TOO_MANY_CONCURRENT_UPLOADS = "too_many_concurrent_uploads";

    /**
     * @param code                the answer's error code, or null
     * @param mostRecentAnswers429 whether nearly every recent answer of the key was a 429: a limit whose code is not
     *                            known here shows that way, while a 429 now and then among successes does not
     */
    static Throttling of(String code, boolean mostRecentAnswers429) {
        if (THROTTLED.equals(code)) {
            return RATE_LIMIT;
        }
        if (TOO_MANY_CONCURRENT_UPLOADS.equals(code)) {
            return CONCURRENCY;
        }
        return mostRecentAnswers429 ? RATE_LIMIT : TRANSIENT;
    }
}
