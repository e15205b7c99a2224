package io.camelparadigm.component.paradigm;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import org.apache.camel.Message;

/**
 * Reads option values a header may override, and list values (tag ids, statuses) given as a List, an array or
 * comma-separated text.
 */
final class ParadigmValues {

    private ParadigmValues() {
    }

    /** The header's value, or the option's when the header is absent. */
    static Object headerOr(Message message, String header, Object option) {
        Object value = message.getHeader(header);
        return value != null ? value : option;
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

    static List<Long> tagIds(String operation, Object value) {
        return ids(operation, "tag", value);
    }

    /** Positive whole numbers (tag or group ids); anything else is refused naming the value. */
    static List<Long> ids(String operation, String kind, Object value) {
        List<Long> ids = new ArrayList<>();
        for (Object item : items(value)) {
            ids.add(id(operation, kind, item));
        }
        return ids;
    }

    private static Long id(String operation, String kind, Object item) {
        if ((item instanceof Long || item instanceof Integer || item instanceof Short) && ((Number) item).longValue() > 0) {
            return ((Number) item).longValue();
        }
        String text = String.valueOf(item).trim();
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParadigmValidationException(operation, kind + " '" + text + "' is not a " + kind + " id: " + kind
                                                         + "s are positive whole numbers, given as a List, an array or "
                                                         + "text such as 1,2");
    }

    private static List<Object> items(Object value) {
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
