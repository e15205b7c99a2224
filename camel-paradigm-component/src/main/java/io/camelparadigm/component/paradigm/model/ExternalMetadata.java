package io.camelparadigm.component.paradigm.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Links a Paradigm document to the document it came from in another system. {@code externalId} is required by
 * the service and permanent once set; {@code additionalMetadata} is free-form (e.g. {@code external_url},
 * {@code external_full_path}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalMetadata(String externalId, String docType, Map<String, Object> additionalMetadata) {

    public static final String EXTERNAL_URL = "external_url";
    public static final String EXTERNAL_FULL_PATH = "external_full_path";

    public ExternalMetadata {
        additionalMetadata = additionalMetadata == null ? null : new LinkedHashMap<>(additionalMetadata);
    }

    public static ExternalMetadata of(String externalId) {
        return new ExternalMetadata(externalId, null, null);
    }
}
