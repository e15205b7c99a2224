package io.camelparadigm.component.paradigm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.camelparadigm.component.paradigm.client.ParadigmValidationException;

/**
 * The API's rules for the values a route gives, as an option or a header, checked before any request. A broken rule
 * raises {@link ParadigmValidationException} naming the value ({@code what}: an option name, or {@code header X}),
 * the value and what is allowed. Limits come from the vendor's OpenAPI (maxLength 255, max_documents 1-500,
 * search_details_chunks_limit 1-10) and from the service's form parser (Django's DATA_UPLOAD_MAX_NUMBER_FIELDS).
 */
final class InputRules {

    /** maxLength of {@code title}, {@code filename} and {@code parser} in the API. */
    static final int MAX_NAME_LENGTH = 255;
    /** Fields of an upload form besides its tags: workspace_id, filename, title, parser, external_metadata. */
    static final int UPLOAD_FIELDS_BESIDES_TAGS = 5;
    /** Django refuses a form of more than 1,000 fields (DATA_UPLOAD_MAX_NUMBER_FIELDS); each tag is one field. */
    static final int MAX_UPLOAD_TAGS = 1000 - UPLOAD_FIELDS_BESIDES_TAGS;
    static final int MAX_DOCUMENTS = 500;
    static final int MAX_SEARCH_DETAILS_CHUNKS = 10;
    /** Every status the service is known to report (the list page's filter documents a subset). */
    static final Set<String> STATUSES = Set.of("pending", "pending_conversion", "converting", "parsing",
            "parsing_failed", "embedding", "embedding_failed", "embedded", "parsed", "fail", "updating");
    static final Set<String> VISION_STATUSES = Set.of("pending", "processing", "embedded", "fail", "-");

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern ORDERING = Pattern.compile(
            "-?(created_at|title|filename)(,-?(created_at|title|filename))*");

    private InputRules() {
    }

    /** A workspace, file, tag or group id: a positive whole number (a Number or its text). */
    static long id(String operation, String what, Object value) {
        Long id = wholeNumber(value);
        if (id == null || id <= 0) {
            throw invalid(operation, what, value, "is not an id: ids are positive whole numbers");
        }
        return id;
    }

    /** Ids given as a List, an array or comma-separated text, each a positive whole number. */
    static List<Long> ids(String operation, String what, Object value) {
        List<Object> items = ParadigmValues.items(value);
        if (items.size() < 2) {
            return items.stream().map(item -> id(operation, what, item)).toList();
        }
        return items.stream().map(item -> {
            Long id = wholeNumber(item);
            if (id == null || id <= 0) {
                throw invalid(operation, what, listText(value), "holds '" + item + "', which is not an id: ids are "
                                                                + "positive whole numbers");
            }
            return id;
        }).toList();
    }

    private static String listText(Object value) {
        return value instanceof Collection<?> || value.getClass().isArray()
                ? String.join(",", ParadigmValues.items(value).stream().map(String::valueOf).toList())
                : value.toString();
    }

    /** The tags of one upload: each one is a form field, and the form must stay within the service's limit. */
    static List<Long> uploadTags(String operation, String what, List<Long> tags) {
        if (tags.size() > MAX_UPLOAD_TAGS) {
            throw new ParadigmValidationException(operation, what + " holds " + tags.size() + " tags, more than the "
                                                             + MAX_UPLOAD_TAGS + " one upload can carry (Paradigm "
                                                             + "refuses a form of more than 1,000 fields): upload with "
                                                             + "fewer and add the others with addTags");
        }
        return tags;
    }

    /** A whole number within [min, max] (a Number or its text). */
    static int between(String operation, String what, Object value, int min, int max) {
        Long number = wholeNumber(value);
        if (number == null || number < min || number > max) {
            throw invalid(operation, what, value, "is not " + (max == Integer.MAX_VALUE
                    ? "a whole number of at least " + min : "a whole number from " + min + " to " + max));
        }
        return number.intValue();
    }

    /** A long whole number of at least {@code min}. */
    static long atLeast(String operation, String what, long value, long min) {
        if (value < min) {
            throw invalid(operation, what, value, "is less than " + min);
        }
        return value;
    }

    /**
     * Text the API stores in a field of at most 255 characters (title, filename, parser), counted as the service
     * counts them: code points (an emoji is one character, two Java chars).
     */
    static String name(String operation, String what, String value) {
        int length = value == null ? 0 : value.codePointCount(0, value.length());
        if (length > MAX_NAME_LENGTH) {
            throw new ParadigmValidationException(operation, what + " has " + length + " characters, more than "
                                                             + "the " + MAX_NAME_LENGTH + " Paradigm accepts: '"
                                                             + abbreviate(value) + "'");
        }
        return value;
    }

    /** A date filter: an ISO-8601 date (read by the service as midnight) or date-time. */
    static String dateOrDateTime(String operation, String what, String value) {
        if (value == null || value.isBlank()) {
            return value;
        }
        String text = value.trim();
        if (parses(text, LocalDate::parse) || parses(text, OffsetDateTime::parse) || parses(text, LocalDateTime::parse)) {
            return text;
        }
        throw invalid(operation, what, value, "is not a date: use an ISO-8601 date (2025-01-31) or date-time "
                                              + "(2025-01-31T12:00:00Z)");
    }

    static String uuid(String operation, String what, String value) {
        if (value != null && !value.isBlank() && !UUID.matcher(value.trim()).matches()) {
            throw invalid(operation, what, value, "is not an upload session uuid such as "
                                                  + "550e8400-e29b-41d4-a716-446655440000");
        }
        return value == null ? null : value.trim();
    }

    static String ordering(String operation, String what, String value) {
        if (value != null && !value.isBlank() && !ORDERING.matcher(value.trim()).matches()) {
            throw invalid(operation, what, value, "is not an ordering: use created_at, title or filename, with a '-' "
                                                  + "prefix for descending order");
        }
        return value == null ? null : value.trim();
    }

    /** Statuses as a List, an array or comma-separated text, each one the service knows. */
    static List<String> statuses(String operation, String what, Object value) {
        return known(operation, what, value, STATUSES, "status");
    }

    static List<String> visionStatuses(String operation, String what, Object value) {
        return known(operation, what, value, VISION_STATUSES, "vision status");
    }

    private static List<String> known(String operation, String what, Object value, Set<String> allowed, String kind) {
        List<String> texts = ParadigmValues.texts(value);
        for (String text : texts) {
            if (!allowed.contains(text)) {
                throw invalid(operation, what, text, "is not a " + kind + ": use " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
        return texts;
    }

    private static boolean parses(String text, Function<String, ?> parser) {
        try {
            parser.apply(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The value as a long when it is a whole number (an integral Number, or text holding one); null otherwise. */
    private static Long wholeNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof Number) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ParadigmValidationException invalid(String operation, String what, Object value, String rule) {
        return new ParadigmValidationException(operation, what + " '" + abbreviate(String.valueOf(value)) + "' " + rule);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
