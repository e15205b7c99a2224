package io.camelparadigm.emulator;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads tag ids sent as repeated form fields ({@code tags=1&tags=2}) or as one JSON array string
 * ({@code tags=[1,2]}), or as a JSON array in a JSON body.
 */
final class TagIdValues {

    private TagIdValues() {
    }

    static List<Long> fromFormValues(List<String> values, ObjectMapper mapper) throws ApiException {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            String text = value.trim();
            if (text.startsWith("[")) {
                try {
                    ids.addAll(fromJson(mapper.readTree(text)));
                } catch (JsonProcessingException e) {
                    throw invalid(value);
                }
            } else {
                ids.add(parseId(text, value));
            }
        }
        return distinct(ids);
    }

    static List<Long> fromJson(JsonNode array) throws ApiException {
        if (array == null || !array.isArray()) {
            throw ApiException.validation("invalid_tags", "tags must be a list of tag ids (integers).");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : array) {
            if (item.isIntegralNumber() && item.canConvertToLong()) {
                ids.add(item.asLong());
            } else if (item.isTextual()) {
                ids.add(parseId(item.asText().trim(), item.asText()));
            } else {
                throw invalid(item.toString());
            }
        }
        return distinct(ids);
    }

    private static long parseId(String text, String original) throws ApiException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid(original);
        }
    }

    private static ApiException invalid(String value) {
        return ApiException.validation("invalid_tags",
                "tags must be tag ids (integers), as repeated fields or a JSON array string; got '" + value + "'.");
    }

    private static List<Long> distinct(List<Long> ids) {
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }
}
