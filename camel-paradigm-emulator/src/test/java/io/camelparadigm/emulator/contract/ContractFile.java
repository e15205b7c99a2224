package io.camelparadigm.emulator.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The project's OpenAPI contract for Paradigm v3, {@code src/test/resources/contract/paradigm-v3.yaml}. */
final class ContractFile {

    private static final String LOCATION = "/contract/paradigm-v3.yaml";

    private ContractFile() {
    }

    static URL url() {
        return Objects.requireNonNull(ContractFile.class.getResource(LOCATION), LOCATION + " is not on the classpath");
    }

    static String text() {
        try (InputStream in = url().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
