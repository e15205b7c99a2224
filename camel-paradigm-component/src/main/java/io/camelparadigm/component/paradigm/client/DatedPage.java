package io.camelparadigm.component.paradigm.client;

import java.time.Instant;

import io.camelparadigm.component.paradigm.model.Page;

/**
 * A page and the {@code Date} header of the answer that carried it (second resolution, null when the server sent
 * none or an unreadable one).
 */
public record DatedPage<T>(Page<T> page, Instant serverDate) {
}
