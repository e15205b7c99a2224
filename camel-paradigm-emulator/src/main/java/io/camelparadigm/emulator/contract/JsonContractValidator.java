package io.camelparadigm.emulator.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.camelparadigm.emulator.ObservedExchange;

/**
 * Atlassian's swagger-request-validator over the contract: responses (every status, headers and JSON
 * body), and requests whose body is JSON or absent (path, query, security, body).
 */
final class JsonContractValidator {

    /** What Atlassian's validator says of an answer to a request outside the contract's paths and methods. */
    private static final List<String> UNKNOWN_OPERATION = List.of("validation.request.path.missing",
            "validation.request.operation.notAllowed");

    private final OpenApiInteractionValidator validator =
            OpenApiInteractionValidator.createForInlineApiSpecification(ContractFile.text())
                    // Merges allOf into one schema, so the validator's default strictness (no property
                    // the contract does not declare) also holds for composed schemas.
                    .withResolveCombinators(true)
                    // Off by default: a misspelt filter (page_sze) in a request must not pass.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                            .withLevel("validation.request.security.missing", ValidationReport.Level.ERROR)
                            .build())
                    .build();

    /** The answer's violations; an answer to a path or method the contract does not have cannot be judged. */
    List<String> responseViolations(ObservedExchange exchange) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status())
                .withBody(exchange.responseText());
        exchange.responseHeaders().forEach(response::withHeader);
        ValidationReport report = validator.validateResponse(exchange.path(), Request.Method.valueOf(exchange.method()),
                response.build());
        return errors(report).stream()
                .filter(violation -> UNKNOWN_OPERATION.stream().noneMatch(violation::startsWith))
                .toList();
    }

    List<String> requestViolations(ObservedExchange exchange) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(exchange.method()),
                exchange.path());
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            request.withBody(exchange.requestBody());
        }
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                request.withQueryParam(decode(name), decode(value));
            }
        }
        return errors(validator.validateRequest(request.build()));
    }

    /** A response built in a test rather than received, to prove the validator rejects what it must. */
    List<String> responseViolations(String method, String path, int status, String contentType, String body,
                                    String... headerNamesAndValues) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withContentType(contentType)
                .withBody(body);
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            response.withHeader(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return errors(validator.validateResponse(path, Request.Method.valueOf(method), response.build()));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(JsonContractValidator::describe)
                .toList();
    }

    /** Key, text, JSON pointer and, for allOf/oneOf failures, what went wrong inside. */
    private static String describe(ValidationReport.Message message) {
        String where = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(pointers -> " at " + pointers.getInstance()).orElse("");
        String inside = message.getNestedMessages().stream().map(JsonContractValidator::describe)
                .collect(Collectors.joining("; ", " [", "]"));
        return message.getKey() + ": " + message.getMessage() + where
                + (message.getNestedMessages().isEmpty() ? "" : inside)
                + (message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo());
    }
}
