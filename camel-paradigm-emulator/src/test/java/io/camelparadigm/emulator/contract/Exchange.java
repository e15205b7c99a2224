package io.camelparadigm.emulator.contract;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.camelparadigm.emulator.ObservedExchange;

/**
 * One HTTP request sent to the emulator and the answer it got, kept byte for byte so both sides can be
 * checked against the contract.
 */
record Exchange(String method, URI uri, HttpHeaders requestHeaders, byte[] requestBody,
                int status, HttpHeaders responseHeaders, byte[] responseBody) {

    String path() {
        return uri.getRawPath();
    }

    /** Raw query string, or null. */
    String query() {
        return uri.getRawQuery();
    }

    Optional<String> requestContentType() {
        return requestHeaders.firstValue("Content-Type");
    }

    Optional<String> responseContentType() {
        return responseHeaders.firstValue("Content-Type");
    }

    String responseText() {
        return new String(responseBody, StandardCharsets.UTF_8);
    }

    List<String> responseHeader(String name) {
        return responseHeaders.allValues(name);
    }

    /** The same exchange as the emulator's exchange observers see it, for the validators. */
    ObservedExchange observed() {
        return new ObservedExchange(method, path(), query(), requestHeaders.map(), requestBody, status,
                responseHeaders.map(), responseBody, false);
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status + " " + responseText();
    }
}
