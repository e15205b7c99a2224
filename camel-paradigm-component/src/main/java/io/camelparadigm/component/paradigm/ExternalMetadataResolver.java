package io.camelparadigm.component.paradigm;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camelparadigm.component.paradigm.client.ParadigmJson;
import io.camelparadigm.component.paradigm.client.ParadigmValidationException;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import org.apache.camel.Message;

/**
 * Builds an upload's external_metadata from the CamelParadigmExternalMetadata header (a Map, a record or JSON
 * text), else from the individual headers and options. external_id is required whenever any metadata is given.
 */
final class ExternalMetadataResolver {

    private static final String OPERATION = "upload";

    private ExternalMetadataResolver() {
    }

    static ExternalMetadata resolve(Message message, ParadigmConfiguration configuration) {
        return resolve(message, configuration, OPERATION, true);
    }

    /**
     * @param externalIdRequired false for a change to a document that already has its external id (updateFile): the
     *                           service merges what is sent into what the document has
     */
    static ExternalMetadata resolve(Message message, ParadigmConfiguration configuration, String operation,
                                    boolean externalIdRequired) {
        Object whole = message.getHeader(ParadigmConstants.EXTERNAL_METADATA);
        ExternalMetadata metadata = whole != null ? fromWhole(operation, whole)
                : fromParts(operation, message, configuration);
        if (externalIdRequired && metadata != null
                && (metadata.externalId() == null || metadata.externalId().isBlank())) {
            throw new ParadigmValidationException(operation, "external_metadata " + describe(metadata)
                                                             + " has no external_id: Paradigm requires it (set the "
                                                             + "externalId option or the "
                                                             + ParadigmConstants.EXTERNAL_ID + " header)");
        }
        return metadata;
    }

    private static ExternalMetadata fromWhole(String operation, Object whole) {
        if (whole instanceof ExternalMetadata metadata) {
            return metadata;
        }
        try {
            if (whole instanceof Map<?, ?> map) {
                return ParadigmJson.mapper().convertValue(map, ExternalMetadata.class);
            }
            return ParadigmJson.mapper().readValue(whole.toString(), ExternalMetadata.class);
        } catch (Exception e) {
            throw new ParadigmValidationException(operation, ParadigmConstants.EXTERNAL_METADATA + " is not a JSON "
                                                             + "object with external_id, doc_type, additional_metadata: "
                                                             + abbreviate(whole.toString()));
        }
    }

    private static ExternalMetadata fromParts(String operation, Message message,
                                              ParadigmConfiguration configuration) {
        String externalId = header(message, ParadigmConstants.EXTERNAL_ID, configuration.getExternalId());
        String docType = header(message, ParadigmConstants.DOC_TYPE, configuration.getDocType());
        Map<String, Object> additional = additional(operation, message.getHeader(ParadigmConstants.ADDITIONAL_METADATA));
        putIfPresent(additional, ExternalMetadata.EXTERNAL_URL,
                message.getHeader(ParadigmConstants.EXTERNAL_URL, String.class));
        putIfPresent(additional, ExternalMetadata.EXTERNAL_FULL_PATH,
                message.getHeader(ParadigmConstants.EXTERNAL_FULL_PATH, String.class));
        if (externalId == null && docType == null && additional.isEmpty()) {
            return null;
        }
        return new ExternalMetadata(externalId, docType, additional.isEmpty() ? null : additional);
    }

    private static Map<String, Object> additional(String operation, Object value) {
        Map<String, Object> additional = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> additional.put(String.valueOf(k), v));
        } else if (value != null) {
            try {
                additional.putAll(ParadigmJson.mapper().readValue(value.toString(), new TypeReference<Map<String, Object>>() {
                }));
            } catch (Exception e) {
                throw new ParadigmValidationException(operation, ParadigmConstants.ADDITIONAL_METADATA
                                                                 + " must be a Map or a JSON object, not: "
                                                                 + abbreviate(value.toString()));
            }
        }
        return additional;
    }

    private static String header(Message message, String name, String fallback) {
        String value = message.getHeader(name, String.class);
        return value != null && !value.isBlank() ? value : fallback;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private static String describe(ExternalMetadata metadata) {
        try {
            return ParadigmJson.mapper().writeValueAsString(metadata);
        } catch (Exception e) {
            return String.valueOf(metadata);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "..." : text;
    }
}
