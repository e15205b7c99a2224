package io.camelparadigm.component.paradigm.client;

/**
 * Whether the last {@value #SIZE} answers of a key were mostly 429s. Under a rate limit every answer is a 429 until
 * the window moves on; 429s mixed among successes (30 % of them, say) almost never make {@value #MOSTLY} in 20.
 */
final class RecentAnswers {

    static final int SIZE = 20;
    static final int MOSTLY = 16;

    private final boolean[] refused = new boolean[SIZE];
    private int next;
    private int seen;
    private int refusedCount;

    /** Records one answer; returns whether the last {@value #SIZE} were mostly 429s. */
    synchronized boolean record(boolean tooManyRequests) {
        if (seen == SIZE && refused[next]) {
            refusedCount--;
        }
        refused[next] = tooManyRequests;
        if (tooManyRequests) {
            refusedCount++;
        }
        next = (next + 1) % SIZE;
        seen = Math.min(SIZE, seen + 1);
        return seen == SIZE && refusedCount >= MOSTLY;
    }
}
