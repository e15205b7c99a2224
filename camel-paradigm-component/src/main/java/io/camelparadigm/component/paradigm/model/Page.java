package io.camelparadigm.component.paradigm.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of a paginated listing: {@code next} and {@code previous} are absolute URLs or null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(long count, String next, String previous, List<T> results) {

    public Page {
        results = results == null ? List.of() : results;
    }
}
