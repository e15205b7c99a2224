package io.camelparadigm.component.paradigm.model;

import java.util.Set;

/** What a file's {@code status} means. Values this class does not know are treated as "in progress". */
public final class FileStatus {

    public static final Set<String> SUCCESS = Set.of("embedded", "parsed");
    public static final Set<String> FAILURE = Set.of("parsing_failed", "embedding_failed", "fail");

    private FileStatus() {
    }

    public static boolean isSuccess(String status) {
        return status != null && SUCCESS.contains(status);
    }

    public static boolean isFailure(String status) {
        return status != null && FAILURE.contains(status);
    }

    public static boolean isTerminal(String status) {
        return isSuccess(status) || isFailure(status);
    }
}
