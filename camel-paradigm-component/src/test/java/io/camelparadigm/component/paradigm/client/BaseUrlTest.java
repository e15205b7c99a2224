package io.camelparadigm.component.paradigm.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://paradigm.example.com,                  https://paradigm.example.com",
            "https://paradigm.example.com/,                 https://paradigm.example.com",
            "https://paradigm.example.com/api/v3,           https://paradigm.example.com",
            "https://paradigm.example.com/api/v3/,          https://paradigm.example.com",
            "HTTP://127.0.0.1:8080//,                       http://127.0.0.1:8080",
            "'  https://paradigm.example.com  ',            https://paradigm.example.com",
            "https://gateway.example.com/paradigm/api/v3,   https://gateway.example.com/paradigm",
            "https://gateway.example.com/paradigm,          https://gateway.example.com/paradigm",
    })
    void theUrlAsPastedIsPutInTheFormRequestsAreBuiltOn(String pasted, String canonical) {
        assertThat(BaseUrl.parse(pasted)).hasToString(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "localhost:8080              | does not start with http:// or https://: write e.g. https://localhost:8080",
            "paradigm.example.com        | does not start with http:// or https://",
            "ftp://paradigm.example.com  | uses ftp",
            "http://local host:8080      | 'http://local host:8080' is not a URL",
            "https://                    | is not a URL",
            "https:///api/v3             | has no host name",
            "https://example.com?x=1     | has a query or a fragment",
    })
    void anUnusableUrlIsRefusedNamingBaseUrlAndTheValue(String value, String message) {
        assertThatThrownBy(() -> BaseUrl.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("baseUrl")
                .hasMessageContaining(message);
    }

    @Test
    void blankIsRefused() {
        assertThatThrownBy(() -> BaseUrl.parse(" ")).hasMessage(
                "baseUrl is blank: set it to your Paradigm instance, e.g. https://paradigm.lighton.ai");
        assertThatThrownBy(() -> BaseUrl.parse(null)).hasMessageStartingWith("baseUrl is blank");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutBeingRepeated() {
        assertThatThrownBy(() -> BaseUrl.parse("https://admin:s3cr3t@paradigm.example.com"))
                .hasMessageContaining("user name or password")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }
}
