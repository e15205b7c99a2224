package io.camelparadigm.component.paradigm.client;

/**
 * What the last {@value #SIZE} answers of a key were. Under a rate limit every answer is a 429 until the window moves
 * on; 429s mixed among successes (30 % of them, say) almost never make {@value #MOSTLY} in 20. A service that is down
 * or failing fails half its requests or more ({@value #FAILING} in 20); a 502 or a lost connection now and then among
 * successes (7 %, say) almost never does.
 */
final class RecentAnswers {

    static final int SIZE = 20;
    static final int MOSTLY = 16;
    static final int FAILING = 10;

    /** What one answer was. */
    enum Outcome {
        /** Anything the service chose to answer but a 429 or a 5xx. */
        ANSWERED,
        TOO_MANY_REQUESTS,
        /** A 5xx, or no answer at all. */
        FAILED
    }

    private final Outcome[] outcomes = new Outcome[SIZE];
    private int next;
    private int seen;
    private int tooMany;
    private int failed;

    /** Records one answer; returns whether the last {@value #SIZE} were mostly 429s. */
    synchronized boolean record(Outcome outcome) {
        count(outcomes[next], -1);
        outcomes[next] = outcome;
        count(outcome, 1);
        next = (next + 1) % SIZE;
        seen = Math.min(SIZE, seen + 1);
        return seen == SIZE && tooMany >= MOSTLY;
    }

    /** Whether at least {@value #FAILING} of the last {@value #SIZE} answers were failures: the service looks down. */
    synchronized boolean failing() {
        return failed >= FAILING;
    }

    private void count(Outcome outcome, int delta) {
        if (outcome == Outcome.TOO_MANY_REQUESTS) {
            tooMany += delta;
        } else if (outcome == Outcome.FAILED) {
            failed += delta;
        }
    }
}
