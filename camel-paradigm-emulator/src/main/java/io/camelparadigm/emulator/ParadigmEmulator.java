package io.camelparadigm.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An emulator of the LightOn Paradigm v3 API on 127.0.0.1, for tests and offline demos.
 */
public final class ParadigmEmulator implements AutoCloseable {

    /** Start of the manual clock. */
    public static final Instant MANUAL_CLOCK_START = Instant.parse("2025-01-01T00:00:00Z");
    /** Default maximum upload size, Paradigm's {@code MAX_DOCUMENT_SIZE}. */
    public static final long DEFAULT_MAX_FILE_SIZE = 25L * 1024 * 1024;

    private final Builder config;
    private final Faults faults;

    private ParadigmEmulator(Builder config) {
        this.config = config;
        this.faults = new Faults(this::now);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server; returns {@code this}. */
    public ParadigmEmulator start() {
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash, no {@code /api/v3}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return config.port;
    }

    /** A key that is editor on {@link #workspaceId()} and viewer on {@link #readOnlyWorkspaceId()}. */
    public String apiKey() {
        return "";
    }

    public long workspaceId() {
        return 0;
    }

    public long readOnlyWorkspaceId() {
        return 0;
    }

    public long foreignWorkspaceId() {
        return 0;
    }

    public List<Long> tagIds() {
        return List.of();
    }

    public long foreignTagId() {
        return 0;
    }

    public long createWorkspace(String name) {
        return 0;
    }

    public long createTag(String name) {
        return 0;
    }

    public void advance(Duration duration) {
    }

    public Instant now() {
        return MANUAL_CLOCK_START;
    }

    public void completeAll() {
    }

    public void scriptFailure(String filenameRegex, String failedStatus, String statusDetail) {
    }

    public List<Long> seedFiles(long workspaceId, int count, String filenamePrefix) {
        return List.of();
    }

    public long seedFile(SeedFile spec) {
        return 0;
    }

    public List<RecordedRequest> requests() {
        return List.of();
    }

    public void clearRequests() {
    }

    public List<StoredFile> storedFiles() {
        return List.of();
    }

    public List<StoredFile> storedFiles(long workspaceId) {
        return List.of();
    }

    public Faults faults() {
        return faults;
    }

    /** Clears files, requests, scripted failures and faults, and puts the clock back to its start. */
    public void reset() {
    }

    @Override
    public void close() {
    }

    /** Configuration of an emulator; {@link #build()} creates it, not started. */
    public static final class Builder {
        private boolean manualClock = true;
        private Duration stepDuration = Duration.ofSeconds(1);
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private int port;
        private Duration sessionWindow = Duration.ofSeconds(60);
        private String apiKey;

        private Builder() {
        }

        /** Time moves only through {@link ParadigmEmulator#advance(Duration)} (the default). */
        public Builder manualClock() {
            this.manualClock = true;
            return this;
        }

        /** Wall-clock time: files progress by themselves. */
        public Builder realClock() {
            this.manualClock = false;
            return this;
        }

        /** Time spent in each of pending, parsing and embedding (default 1 s). */
        public Builder stepDuration(Duration stepDuration) {
            this.stepDuration = stepDuration;
            return this;
        }

        /** Largest accepted upload in bytes (default 25 MB); larger ones get 413. */
        public Builder maxFileSize(long maxFileSize) {
            this.maxFileSize = maxFileSize;
            return this;
        }

        /** TCP port on 127.0.0.1, 0 = random (default). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Uploads from one key closer together than this share an {@code upload_session_uuid} (default 60 s). */
        public Builder sessionWindow(Duration sessionWindow) {
            this.sessionWindow = sessionWindow;
            return this;
        }

        /** Fixed value for {@link ParadigmEmulator#apiKey()} instead of a random one. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public ParadigmEmulator build() {
            return new ParadigmEmulator(this);
        }
    }
}
