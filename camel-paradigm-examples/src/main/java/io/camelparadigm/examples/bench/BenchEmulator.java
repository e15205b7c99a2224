package io.camelparadigm.examples.bench;

import java.util.List;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.RecordedRequest;

/** An emulator on the wall clock for one run, and what it saw. */
final class BenchEmulator implements AutoCloseable {

    private static final String FILES = "/api/v3/files";

    private final ParadigmEmulator emulator;

    private BenchEmulator(ParadigmEmulator emulator) {
        this.emulator = emulator;
    }

    static BenchEmulator start(ServerConditions conditions, long largestFile) {
        ParadigmEmulator emulator = ParadigmEmulator.builder()
                .realClock()
                .maxFileSize(Math.max(ParadigmEmulator.DEFAULT_MAX_FILE_SIZE, largestFile))
                .build()
                .start();
        try {
            conditions.applyTo(emulator.faults());
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return new BenchEmulator(emulator);
    }

    Target target() {
        return new Target(emulator.baseUrl(), emulator.apiKey(), emulator.workspaceId());
    }

    StoredDocuments stored() {
        return StoredDocuments.of(emulator.storedFiles(emulator.workspaceId()));
    }

    /** Upload requests received (first tries and retries, answered or not). */
    int uploadRequests() {
        return (int) requests().stream().filter(r -> r.method().equals("POST") && r.path().equals(FILES)).count();
    }

    /** Look-ups by external id (the component's check before re-sending an upload). */
    int externalIdLookups() {
        return (int) requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals(FILES) && r.query() != null
                             && r.query().contains("external_metadata__external_id="))
                .count();
    }

    private List<RecordedRequest> requests() {
        return emulator.requests();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
