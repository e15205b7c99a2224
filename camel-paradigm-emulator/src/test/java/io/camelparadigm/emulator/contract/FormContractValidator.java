package io.camelparadigm.emulator.contract;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.openapi4j.core.exception.ResolutionException;
import org.openapi4j.core.validation.ValidationException;
import org.openapi4j.operation.validator.model.Request;
import org.openapi4j.operation.validator.model.impl.Body;
import org.openapi4j.operation.validator.model.impl.DefaultRequest;
import org.openapi4j.operation.validator.validation.RequestValidator;
import org.openapi4j.parser.OpenApi3Parser;
import org.openapi4j.parser.model.v3.OpenApi3;

/**
 * openapi4j over the contract, for the request bodies Atlassian's validator does not read:
 * multipart/form-data (parsed with commons-fileupload) and application/x-www-form-urlencoded.
 */
final class FormContractValidator {

    private final RequestValidator validator = new RequestValidator(parse());

    private static OpenApi3 parse() {
        try {
            // true: openapi4j also checks the contract file itself against the OpenAPI 3 schema.
            return new OpenApi3Parser().parse(ContractFile.url(), true);
        } catch (ResolutionException | ValidationException e) {
            throw new IllegalStateException("The contract file is not valid OpenAPI 3: " + e, e);
        }
    }

    List<String> requestViolations(Exchange exchange) {
        return requestViolations(exchange.method(), exchange.uri().toString(),
                exchange.requestContentType().orElse(null), exchange.requestBody(),
                exchange.requestHeaders().firstValue("Authorization").orElse(null));
    }

    /** A request built in a test rather than sent, to prove the validator rejects what it must. */
    List<String> requestViolations(String method, String url, String contentType, byte[] body, String authorization) {
        DefaultRequest.Builder request = new DefaultRequest.Builder(url, Request.Method.getMethod(method))
                .body(Body.from(new ByteArrayInputStream(body)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            validator.validate(request.build());
            return List.of();
        } catch (ValidationException e) {
            return e.results() == null ? List.of(e.getMessage())
                    : e.results().items().stream().map(Object::toString).toList();
        }
    }
}
