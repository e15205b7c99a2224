package io.camelparadigm.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension running a {@link ParadigmEmulator}. Registered on a {@code static} field with
 * {@code @RegisterExtension}, one emulator serves the whole class (state persists between tests unless a
 * test calls {@link #reset()}); on an instance field, each test gets a fresh one.
 */
public final class ParadigmEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final ParadigmEmulator.Builder config;
    private ParadigmEmulator emulator;
    /** Open class scopes: the outer class plus any {@code @Nested} classes running inside it. */
    private int classScopes;

    /** An emulator with the default settings (manual clock). */
    public ParadigmEmulatorExtension() {
        this(ParadigmEmulator.builder());
    }

    private ParadigmEmulatorExtension(ParadigmEmulator.Builder config) {
        this.config = config;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        classScopes++;
        startIfNeeded();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        classScopes--;
        if (classScopes == 0) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        startIfNeeded();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (classScopes == 0) {
            stop();
        }
    }

    private void startIfNeeded() {
        if (emulator == null) {
            emulator = config.build().start();
        }
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    /** The running emulator; fails outside a test's lifecycle. */
    public synchronized ParadigmEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The Paradigm emulator is not running (used outside a test?)");
        }
        return emulator;
    }

    public String baseUrl() { return emulator().baseUrl(); }
    public int port() { return emulator().port(); }
    public String apiKey() { return emulator().apiKey(); }
    public long workspaceId() { return emulator().workspaceId(); }
    public long readOnlyWorkspaceId() { return emulator().readOnlyWorkspaceId(); }
    public long foreignWorkspaceId() { return emulator().foreignWorkspaceId(); }
    public List<Long> tagIds() { return emulator().tagIds(); }
    public long foreignTagId() { return emulator().foreignTagId(); }
    public long createWorkspace(String name) { return emulator().createWorkspace(name); }
    public long createTag(String name) { return emulator().createTag(name); }
    public void advance(Duration duration) { emulator().advance(duration); }
    public Instant now() { return emulator().now(); }
    public void completeAll() { emulator().completeAll(); }

    public void scriptFailure(String filenameRegex, String failedStatus, String statusDetail) {
        emulator().scriptFailure(filenameRegex, failedStatus, statusDetail);
    }

    public void setStatusVision(long fileId, String statusVision) {
        emulator().setStatusVision(fileId, statusVision);
    }

    public List<Long> seedFiles(long workspaceId, int count, String filenamePrefix) {
        return emulator().seedFiles(workspaceId, count, filenamePrefix);
    }

    public long seedFile(SeedFile spec) { return emulator().seedFile(spec); }
    public List<RecordedRequest> requests() { return emulator().requests(); }
    public void clearRequests() { emulator().clearRequests(); }
    public List<StoredFile> storedFiles() { return emulator().storedFiles(); }
    public List<StoredFile> storedFiles(long workspaceId) { return emulator().storedFiles(workspaceId); }
    public Faults faults() { return emulator().faults(); }

    /** Clears files, requests, scripted failures and faults, and puts the clock back to its start. */
    public void reset() { emulator().reset(); }

    /** Same settings as {@link ParadigmEmulator.Builder}. */
    public static final class Builder {
        private final ParadigmEmulator.Builder config = ParadigmEmulator.builder();

        private Builder() {
        }

        public Builder manualClock() { config.manualClock(); return this; }
        public Builder realClock() { config.realClock(); return this; }
        public Builder stepDuration(Duration d) { config.stepDuration(d); return this; }
        public Builder maxFileSize(long bytes) { config.maxFileSize(bytes); return this; }
        public Builder port(int port) { config.port(port); return this; }
        public Builder sessionWindow(Duration d) { config.sessionWindow(d); return this; }
        public Builder apiKey(String apiKey) { config.apiKey(apiKey); return this; }

        /** Any other setting of the emulator's builder. */
        public Builder configure(Consumer<ParadigmEmulator.Builder> customizer) {
            customizer.accept(config);
            return this;
        }

        public ParadigmEmulatorExtension build() {
            return new ParadigmEmulatorExtension(config);
        }
    }
}
