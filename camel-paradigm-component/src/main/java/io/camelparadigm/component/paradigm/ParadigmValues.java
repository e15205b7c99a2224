package io.camelparadigm.component.paradigm;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.camel.Message;

/**
 * Reads option values a header may override, and list values (tag ids, statuses) given as a List, an array or
 * comma-separated text. {@link InputRules} checks what is read.
 */
final class ParadigmValues {

    private ParadigmValues() {
    }

    /** The header's text, or the option's when the header is absent or blank. */
    static String textOr(Message message, String header, String option) {
        String value = message.getHeader(header, String.class);
        return value != null && !value.isBlank() ? value : option;
    }

    static List<String> texts(Object value) {
        List<String> texts = new ArrayList<>();
        for (Object item : items(value)) {
            String text = String.valueOf(item).trim();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return texts;
    }

    /** The items of a List, an array, or comma-separated text (a JSON array's brackets and quotes dropped). */
    static List<Object> items(Object value) {
        List<Object> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim().replace("\"", ""));
                }
            }
        }
        return items;
    }
}
