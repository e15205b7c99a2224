package io.camelparadigm.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Measured figures: printed, and appended to {@code <cluster.logs>/figures.txt} (one JSON line each). */
final class Figures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Figures() {
    }

    static void print(String scenario, Map<String, ?> figures) {
        Map<String, Object> line = new TreeMap<>(figures);
        line.put("scenario", scenario);
        try {
            String json = JSON.writeValueAsString(line);
            System.out.println("[cluster figures] " + json);
            Path file = Path.of(System.getProperty("cluster.logs", "target/cluster-logs"), "figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, json + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
