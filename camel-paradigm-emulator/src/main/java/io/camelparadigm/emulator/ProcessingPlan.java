package io.camelparadigm.emulator;

import java.util.List;
import java.util.Set;

/**
 * The statuses one document goes through, one per step of processing time from its creation; or a
 * status fixed once and for all (seeded files).
 */
record ProcessingPlan(List<String> statuses, boolean fixed, String statusVision, String statusDetail) {

    static final Set<String> FAILED_STATUSES = Set.of("parsing_failed", "embedding_failed", "fail");
    static final Set<String> KNOWN_STATUSES = Set.of("pending", "pending_conversion", "converting", "parsing",
            "parsing_failed", "embedding", "embedding_failed", "embedded", "parsed", "fail", "updating");
    static final Set<String> KNOWN_VISION_STATUSES = Set.of("pending", "processing", "embedded", "fail", "-");

    private static final ProcessingPlan NORMAL =
            new ProcessingPlan(List.of("pending", "parsing", "embedding", "embedded"), false, null, null);

    /** The most transitions a plan has: no failing plan is longer than the normal one. */
    static int mostTransitions() {
        return NORMAL.statuses().size() - 1;
    }

    static ProcessingPlan normal() {
        return NORMAL;
    }

    /** Progression that stops at {@code failedStatus} with {@code detail}. */
    static ProcessingPlan failing(String failedStatus, String detail) {
        List<String> statuses = switch (failedStatus) {
            case "fail" -> List.of("pending", "fail");
            case "parsing_failed" -> List.of("pending", "parsing", "parsing_failed");
            case "embedding_failed" -> List.of("pending", "parsing", "embedding", "embedding_failed");
            default -> throw new IllegalArgumentException(
                    "failedStatus must be one of " + FAILED_STATUSES + ", not " + failedStatus);
        };
        return new ProcessingPlan(statuses, false, null, detail);
    }

    static ProcessingPlan fixed(String status, String statusVision, String detail) {
        return new ProcessingPlan(List.of(status), true, statusVision, detail);
    }

    boolean isFailed(String status) {
        return FAILED_STATUSES.contains(status);
    }
}
