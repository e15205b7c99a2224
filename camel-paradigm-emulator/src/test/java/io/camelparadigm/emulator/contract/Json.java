package io.camelparadigm.emulator.contract;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads answers the contract already accepted, to assert on their values. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode of(Exchange exchange) {
        try {
            return MAPPER.readTree(exchange.responseBody());
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + exchange, e);
        }
    }
}
