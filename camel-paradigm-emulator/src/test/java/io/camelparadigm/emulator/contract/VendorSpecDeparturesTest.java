package io.camelparadigm.emulator.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the project's contract traceable to the vendor's: every place where {@code paradigm-v3.yaml} says something
 * other than the vendor's published OpenAPI ({@code contract/vendor/paradigm-openapi-v3.yaml}, a verbatim copy of
 * the three fragments the vendor publishes, merged) is listed in {@code contract/departures-from-vendor.yaml} with
 * its reason, and every listed departure is still one. Both files are compared as facts ({@link SpecFacts}): the
 * operations, parameters, bodies, answers and their schemas, without the prose.
 */
class VendorSpecDeparturesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * @param where a fact key where {@code *} stands for any text and {@code (a|b)} for either, ending in
     *              {@code " ..."} to take in the facts below the key too
     */
    record Departure(String where, String why) {
        boolean explains(String fact) {
            boolean below = where.endsWith(" ...");
            String glob = below ? where.substring(0, where.length() - 4) : where;
            StringBuilder regex = new StringBuilder();
            for (String part : glob.split("(?=[*(|)])|(?<=[*(|)])")) {
                regex.append(switch (part) {
                    case "*" -> ".*";
                    case "(" -> "(?:";
                    case "|", ")" -> part;
                    default -> Pattern.quote(part);
                });
            }
            return fact.matches(regex + (below ? "([ .\\[].*)?" : ""));
        }
    }

    @Test
    void everyDifferenceFromTheVendorsSpecIsListedWithItsReason() {
        List<String> differences = differences();
        List<Departure> departures = departures();

        List<String> unexplained = differences.stream()
                .filter(difference -> departures.stream().noneMatch(d -> d.explains(key(difference))))
                .toList();
        List<Departure> stale = departures.stream()
                .filter(departure -> differences.stream().noneMatch(difference -> departure.explains(key(difference))))
                .toList();

        assertThat(unexplained).as("differences from the vendor's OpenAPI that departures-from-vendor.yaml does not "
                                   + "explain").isEmpty();
        assertThat(stale).as("departures that are no longer differences").isEmpty();
        assertThat(departures).allSatisfy(d -> assertThat(d.why()).as(d.where()).isNotBlank());
    }

    /** One line per fact that differs: {@code key: vendor -> ours} (absent on one side shown as -). */
    static List<String> differences() {
        Map<String, String> vendor = SpecFacts.of(resource("/contract/vendor/paradigm-openapi-v3.yaml"));
        Map<String, String> ours = SpecFacts.of(ContractFile.text());
        Set<String> keys = new TreeSet<>(vendor.keySet());
        keys.addAll(ours.keySet());
        List<String> differences = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(vendor.get(key), ours.get(key))) {
                differences.add(key + ": " + Objects.requireNonNullElse(vendor.get(key), "-") + " -> "
                                + Objects.requireNonNullElse(ours.get(key), "-"));
            }
        }
        return differences;
    }

    private static String key(String difference) {
        return difference.substring(0, difference.indexOf(": "));
    }

    private static List<Departure> departures() {
        try {
            return YAML.readValue(resource("/contract/departures-from-vendor.yaml"), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(VendorSpecDeparturesTest.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
