package io.camelparadigm.emulator.contract;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

/**
 * What an OpenAPI file says about each operation, as flat facts ({@code POST /api/v3/files body
 * multipart/form-data .title} = {@code string maxLength=255}), so two files can be compared line by line. Schemas
 * are resolved ($ref inlined, allOf merged); descriptions, examples and summaries are left out: they are prose.
 */
final class SpecFacts {

    private static final int MAX_DEPTH = 6;

    private SpecFacts() {
    }

    static Map<String, String> of(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        options.setResolveCombinators(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, options).getOpenAPI();
        Map<String, String> facts = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                operation(facts, method + " " + path, operation)));
        return facts;
    }

    private static void operation(Map<String, String> facts, String where, Operation operation) {
        facts.put(where, "operation");
        facts.put(where + " security", String.valueOf(operation.getSecurity() == null ? List.of()
                : operation.getSecurity().stream().flatMap(requirement -> requirement.keySet().stream()).toList()));
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                String at = where + " " + parameter.getIn() + " " + parameter.getName();
                facts.put(at, Boolean.TRUE.equals(parameter.getRequired()) ? "required" : "optional");
                schema(facts, at, parameter.getSchema(), 0);
            }
        }
        if (operation.getRequestBody() != null) {
            content(facts, where + " body", operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
            for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                String at = where + " response " + response.getKey();
                facts.put(at, "response");
                if (response.getValue().getHeaders() != null) {
                    response.getValue().getHeaders().forEach((name, header) ->
                            schema(facts, at + " header " + name, header.getSchema(), 0));
                }
                content(facts, at, response.getValue().getContent());
            }
        }
    }

    private static void content(Map<String, String> facts, String where, Content content) {
        if (content == null) {
            return;
        }
        content.forEach((mediaType, media) -> {
            String at = where + " " + mediaType;
            facts.put(at, "content");
            schema(facts, at + " ", media.getSchema(), 0);
            if (media.getEncoding() != null) {
                media.getEncoding().forEach((field, encoding) -> facts.put(at + " encoding " + field,
                        "contentType=" + encoding.getContentType() + " style=" + encoding.getStyle()
                        + " explode=" + encoding.getExplode()));
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static void schema(Map<String, String> facts, String where, Schema schema, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return;
        }
        StringBuilder fact = new StringBuilder(String.valueOf(schema.getType()));
        append(fact, "format", schema.getFormat());
        append(fact, "nullable", schema.getNullable());
        append(fact, "enum", schema.getEnum());
        append(fact, "minimum", schema.getMinimum());
        append(fact, "maximum", schema.getMaximum());
        append(fact, "minLength", schema.getMinLength());
        append(fact, "maxLength", schema.getMaxLength());
        append(fact, "minItems", schema.getMinItems());
        append(fact, "pattern", schema.getPattern());
        append(fact, "required", schema.getRequired());
        facts.put(where.strip(), fact.toString());
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            properties.forEach((name, property) -> schema(facts, where + "." + name, property, depth + 1));
        }
        if (schema.getItems() != null) {
            schema(facts, where + "[]", schema.getItems(), depth + 1);
        }
    }

    private static void append(StringBuilder fact, String name, Object value) {
        if (value != null) {
            fact.append(' ').append(name).append('=').append(value);
        }
    }
}
