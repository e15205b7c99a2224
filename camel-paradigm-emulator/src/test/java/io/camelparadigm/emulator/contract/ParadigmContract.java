package io.camelparadigm.emulator.contract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a contract test asserts about an {@link Exchange}: the emulator's answer conforms to the
 * contract, and so does the request the test sent (form bodies through openapi4j, the rest through
 * Atlassian's validator).
 */
final class ParadigmContract {

    static final JsonContractValidator JSON = new JsonContractValidator();
    static final FormContractValidator FORMS = new FormContractValidator();

    private ParadigmContract() {
    }

    /** Request and response both conform; returns the exchange for further assertions. */
    static Exchange assertConforms(Exchange exchange) {
        assertRequestConforms(exchange);
        return assertResponseConforms(exchange);
    }

    /** For requests that are wrong on purpose (to provoke a 400, 401...): only the answer is checked. */
    static Exchange assertResponseConforms(Exchange exchange) {
        assertThat(JSON.responseViolations(exchange.observed()))
                .as("contract violations in the emulator's answer to %s", exchange)
                .isEmpty();
        return exchange;
    }

    static void assertRequestConforms(Exchange exchange) {
        boolean form = exchange.requestContentType()
                .map(type -> type.startsWith("multipart/form-data")
                        || type.startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
        assertThat(form ? FORMS.requestViolations(exchange.observed()) : JSON.requestViolations(exchange.observed()))
                .as("contract violations in the request %s %s", exchange.method(), exchange.uri())
                .isEmpty();
    }
}
