package io.camelparadigm.component.paradigm.consumer;

import java.util.LinkedHashSet;
import java.util.Set;

/** Parses the statuses option. */
final class EventSelection {

    private EventSelection() {
    }

    static Set<String> statuses(String option) {
        Set<String> statuses = new LinkedHashSet<>();
        if (option != null) {
            for (String status : option.split(",")) {
                if (!status.isBlank()) {
                    statuses.add(status.trim());
                }
            }
        }
        return Set.copyOf(statuses);
    }
}
