package io.camelparadigm.component.paradigm.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Links a Paradigm document to the document it came from in another system. {@code externalId} is required by
 * the service and permanent once set; {@code additionalMetadata} is free-form (e.g. {@code external_url},
 * {@code external_full_path}): an object, as uploads send it; a stored value that is not an object (a string, an
 * array, a number) is read under the key {@link #VALUE}, so the document stays readable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalMetadata(String externalId, String docType,
                               @JsonDeserialize(using = FreeForm.class) Map<String, Object> additionalMetadata) {

    public static final String EXTERNAL_URL = "external_url";
    public static final String EXTERNAL_FULL_PATH = "external_full_path";
    /** The key an {@code additional_metadata} that is not a JSON object is read under. */
    public static final String VALUE = "value";

    public ExternalMetadata {
        additionalMetadata = additionalMetadata == null ? null : new LinkedHashMap<>(additionalMetadata);
    }

    public static ExternalMetadata of(String externalId) {
        return new ExternalMetadata(externalId, null, null);
    }

    /** Reads an object as a map and any other JSON value as a map holding it under {@link #VALUE}. */
    static final class FreeForm extends JsonDeserializer<Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = context.readValue(parser, Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put(VALUE, value);
            return wrapped;
        }
    }
}
