package io.camelparadigm.emulator.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The project's OpenAPI contract for Paradigm v3 ({@code paradigm-v3.yaml} next to this class): the vendor's
 * published OpenAPI corrected where it contradicts the vendor's own prose and examples (see
 * {@code VendorSpecDeparturesTest} for every difference and its reason).
 */
public final class ContractFile {

    private static final String NAME = "paradigm-v3.yaml";

    private ContractFile() {
    }

    public static URL url() {
        return Objects.requireNonNull(ContractFile.class.getResource(NAME), NAME + " is not on the classpath");
    }

    public static String text() {
        try (InputStream in = url().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
