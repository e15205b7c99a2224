package io.camelparadigm.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An emulator of the LightOn Paradigm v3 API on 127.0.0.1, for tests and offline demos.
 *
 * <pre>{@code
 * try (ParadigmEmulator emulator = ParadigmEmulator.builder().build().start()) {
 *     // point the client at emulator.baseUrl() with emulator.apiKey(), upload to emulator.workspaceId()
 *     emulator.advance(Duration.ofSeconds(3));   // pending -> parsing -> embedding -> embedded
 * }
 * }</pre>
 *
 * <p>It serves {@code POST /api/v3/files}, {@code GET /api/v3/files}, {@code GET}, {@code PATCH} and
 * {@code DELETE /api/v3/files/{id}}, {@code POST /api/v3/files/bulk-delete}, {@code POST /api/v3/files/{id}/tags},
 * {@code DELETE /api/v3/files/{id}/tags/{tag_id}}, {@code GET} and {@code POST /api/v3/tags} and
 * {@code GET /api/v3/workspaces}. Processing status is derived
 * from the emulator's clock: each file spends one step in {@code pending}, {@code parsing} and
 * {@code embedding}, then is {@code embedded} (or stops at a scripted failure); a content replacement
 * ({@code PATCH} with a file) starts that over.
 */
public final class ParadigmEmulator implements AutoCloseable {

    /** Start of the manual clock. */
    public static final Instant MANUAL_CLOCK_START = Instant.parse("2025-01-01T00:00:00Z");
    /** Default maximum upload size, Paradigm's {@code MAX_DOCUMENT_SIZE}. */
    public static final long DEFAULT_MAX_FILE_SIZE = 25L * 1024 * 1024;

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(5);

    private final int requestedPort;
    private final EmulatorCore core;
    private final Path spoolDirectory;
    private Server server;
    private int port;

    private ParadigmEmulator(Builder config) {
        this.requestedPort = config.port;
        try {
            this.spoolDirectory = Files.createTempDirectory("paradigm-emulator-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the emulator's upload spool directory", e);
        }
        EmulatorClock clock = config.manualClock ? EmulatorClock.manual(config.manualClockStart) : EmulatorClock.real();
        this.core = new EmulatorCore(clock, config.stepDuration, config.maxFileSize, config.sessionWindow,
                config.apiKey, spoolDirectory);
        core.requestLog.keepLast(config.requestLogLimit);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the HTTP server on 127.0.0.1; returns {@code this}. */
    public synchronized ParadigmEmulator start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(spoolDirectory);  // again, if a previous close() removed it
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the emulator's upload spool directory", e);
        }
        QueuedThreadPool threads = new QueuedThreadPool(256, 4);
        threads.setName("paradigm-emulator");
        threads.setDaemon(true);
        Server newServer = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false); // the handler sends the emulator's clock, manual or real
        http.addFormEncodedMethod("PATCH");  // Jetty reads urlencoded forms of POST and PUT only; PATCH has them too
        ServerConnector connector = new ServerConnector(newServer, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(requestedPort);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        newServer.addConnector(connector);
        newServer.setHandler(new ParadigmApiHandler(core));
        try {
            newServer.start();
        } catch (Exception e) {
            try {
                newServer.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("The Paradigm emulator could not start on 127.0.0.1:" + requestedPort, e);
        }
        server = newServer;
        port = connector.getLocalPort();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash, no {@code /api/v3}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The port listened on; fails before {@link #start()}. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The Paradigm emulator is not started");
        }
        return port;
    }

    /** A key that is editor on {@link #workspaceId()} and viewer on {@link #readOnlyWorkspaceId()}. */
    public String apiKey() {
        return core.apiKey;
    }

    /** A workspace {@link #apiKey()} may upload to. */
    public long workspaceId() {
        return core.workspace.id();
    }

    /** A workspace {@link #apiKey()} sees but may not write: uploads get 403. */
    public long readOnlyWorkspaceId() {
        return core.readOnlyWorkspace.id();
    }

    /** A workspace of another company: uploads get 403, its files are never listed. */
    public long foreignWorkspaceId() {
        return core.foreignWorkspace.id();
    }

    /** Tags {@link #apiKey()} may put on documents (at least 3). */
    public List<Long> tagIds() {
        synchronized (core.tagIds) {
            return List.copyOf(core.tagIds);
        }
    }

    /** A tag of another company: upload answers 207, add-tags answers 400. */
    public long foreignTagId() {
        return core.foreignTagId;
    }

    /** Creates a workspace {@link #apiKey()} may write; returns its id. */
    public long createWorkspace(String name) {
        return createWorkspace(name, WorkspaceRole.EDITOR);
    }

    /** Creates a workspace where {@link #apiKey()} has {@code role}; returns its id. */
    public long createWorkspace(String name, WorkspaceRole role) {
        Accounts.Workspace workspace = core.accounts.addWorkspace(Objects.requireNonNull(name, "name"),
                Accounts.OUR_COMPANY);
        core.caller.grant(workspace.id(), Objects.requireNonNull(role, "role"));
        return workspace.id();
    }

    /**
     * Creates another key of the same user, with only the given roles (workspace id to role): to see what a viewer,
     * or a key limited to some workspaces, may do. Returns the key.
     */
    public String createApiKey(java.util.Map<Long, WorkspaceRole> roles) {
        roles.keySet().forEach(this::existingWorkspace);
        return core.addKey(roles);
    }

    /** Creates a tag {@link #apiKey()} may use; returns its id. */
    public long createTag(String name) {
        long id = core.accounts.addTag(Objects.requireNonNull(name, "name"), Accounts.OUR_COMPANY).id();
        synchronized (core.tagIds) {
            core.tagIds.add(id);
        }
        return id;
    }

    /** Manual clock only: moves time forward; every status transition now due is applied at once. */
    public void advance(Duration duration) {
        core.clock.advance(duration);
    }

    /** The emulator's clock. On a manual clock, each file creation moves it forward by at most 1 µs. */
    public Instant now() {
        return core.clock.now();
    }

    /** Manual clock only: advances until no file is still being processed. */
    public void completeAll() {
        if (!core.clock.isManual()) {
            throw new IllegalStateException("completeAll needs a manual clock; this emulator runs on the real clock");
        }
        long latest = Long.MIN_VALUE;
        for (Document document : core.store.all()) {
            latest = Math.max(latest, document.processingEndMicros(core.stepMicros));
        }
        if (latest != Long.MIN_VALUE) {
            core.clock.moveForwardTo(Timestamps.toInstant(latest));
        }
    }

    /**
     * Sets a file's status_vision ({@code pending}, {@code processing}, {@code embedded}, {@code fail} or
     * {@code -}) from now on, whatever its status, and stamps updated_at: vision processing finishing or failing
     * on its own, after the text.
     *
     * @throws IllegalArgumentException when the file does not exist or the value is not a vision status
     */
    public void setStatusVision(long fileId, String statusVision) {
        requireKnown(statusVision, ProcessingPlan.KNOWN_VISION_STATUSES, "statusVision");
        Document document = core.store.find(fileId)
                .orElseThrow(() -> new IllegalArgumentException("No file " + fileId + " in the emulator"));
        core.store.edit(document, edited -> {
            edited.overrideStatusVision(statusVision, core.nowMicros());
            return null;
        });
    }

    /**
     * Files uploaded or seeded from now on whose filename contains a match of {@code filenameRegex} stop
     * processing at {@code failedStatus} ({@code parsing_failed}, {@code embedding_failed} or {@code fail})
     * with {@code statusDetail}. {@code fail} comes after pending, {@code parsing_failed} after parsing,
     * {@code embedding_failed} after embedding.
     */
    public void scriptFailure(String filenameRegex, String failedStatus, String statusDetail) {
        core.failureScripts.add(filenameRegex, failedStatus, statusDetail);
    }

    /**
     * Stores {@code count} files without HTTP ({@code <prefix>000001.pdf}, ...), pending and progressing
     * normally from now; returns their ids in creation order.
     */
    public List<Long> seedFiles(long workspaceId, int count, String filenamePrefix) {
        Accounts.Workspace workspace = existingWorkspace(workspaceId);
        List<Long> ids = new ArrayList<>(count);
        String sessionUuid = UUID.randomUUID().toString();
        for (int i = 1; i <= count; i++) {
            String filename = String.format("%s%06d.pdf", filenamePrefix, i);
            String content = "Seeded document " + filename + ".";
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            ids.add(core.store.add(id -> new Document(id, workspace, filename, Document.titleFrom(filename),
                    bytes.length, sha256(bytes), core.nextCreatedAtMicros(), sessionUuid, null,
                    core.userOf(workspace), EmulatorCore.DEFAULT_PARSER, content, null,
                    core.failureScripts.planFor(filename), List.of())).id);
        }
        return ids;
    }

    /** Stores one file described by {@code spec} without HTTP; returns its id. */
    public long seedFile(SeedFile spec) {
        Accounts.Workspace workspace = existingWorkspace(spec.workspaceId());
        for (Long tagId : spec.tagIds()) {
            if (core.accounts.tag(tagId).isEmpty()) {
                throw new IllegalArgumentException("Unknown tag id " + tagId);
            }
        }
        ProcessingPlan plan;
        if (spec.status() == null) {
            plan = core.failureScripts.planFor(spec.filename());
        } else {
            requireKnown(spec.status(), ProcessingPlan.KNOWN_STATUSES, "status");
            if (spec.statusVision() != null) {
                requireKnown(spec.statusVision(), ProcessingPlan.KNOWN_VISION_STATUSES, "statusVision");
            }
            plan = ProcessingPlan.fixed(spec.status(), spec.statusVision(), spec.statusDetail());
        }
        ObjectNode externalMetadata = null;
        if (spec.externalMetadata() != null) {
            externalMetadata = core.mapper.valueToTree(spec.externalMetadata());
            if (!externalMetadata.hasNonNull("external_id")) {
                throw new IllegalArgumentException("external metadata needs an external_id");
            }
        }
        ObjectNode metadata = externalMetadata;
        String content = spec.content() != null ? spec.content() : "Seeded document " + spec.filename() + ".";
        String sessionUuid = spec.uploadSessionUuid() != null ? spec.uploadSessionUuid() : UUID.randomUUID().toString();
        String title = spec.title() != null ? spec.title() : Document.titleFrom(spec.filename());
        String sha256 = spec.sha256() != null ? spec.sha256() : EmulatorCore.EMPTY_SHA256;
        return core.store.add(id -> new Document(id, workspace, spec.filename(), title, spec.size(), sha256,
                spec.createdAt() != null ? Timestamps.toMicros(spec.createdAt()) : core.nextCreatedAtMicros(),
                sessionUuid, metadata, core.userOf(workspace), EmulatorCore.DEFAULT_PARSER, content,
                spec.totalPages(), plan, spec.tagIds())).id;
    }

    /** How many times a document's state was computed since the start (the work of listings, for tests). */
    long statesComputed() {
        return core.statesComputed.sum();
    }

    /** Requests received, in arrival order, the key masked. */
    public List<RecordedRequest> requests() {
        return core.requestLog.snapshot();
    }

    public void clearRequests() {
        core.requestLog.clear();
    }

    /**
     * Tells {@code observer} of every exchange from now on, once it is answered and before the answer is written, on
     * the thread that handled it. The JUnit extension checks them against the contract this way.
     */
    public void addExchangeObserver(Consumer<ObservedExchange> observer) {
        core.exchangeObservers.add(Objects.requireNonNull(observer, "observer"));
    }

    public void removeExchangeObserver(Consumer<ObservedExchange> observer) {
        core.exchangeObservers.remove(observer);
    }

    /** Every stored file, all workspaces, in id order, with its status now. */
    public List<StoredFile> storedFiles() {
        return core.store.all().stream().map(core::toStoredFile).toList();
    }

    /** Stored files of one workspace, in id order. */
    public List<StoredFile> storedFiles(long workspaceId) {
        return core.store.all().stream()
                .filter(document -> document.workspace.id() == workspaceId)
                .map(core::toStoredFile)
                .toList();
    }

    /**
     * Runs {@code hook} on the server's thread for every API request, after it is logged and before it is answered:
     * a test can change files, move a manual clock or count requests while a client walks the pages of a listing.
     * {@link #reset()} removes the hooks.
     */
    public void onRequest(Consumer<RecordedRequest> hook) {
        core.requestHooks.add(Objects.requireNonNull(hook, "hook"));
    }

    /** Failure injection; {@code faults().reset()} turns it all off. */
    public Faults faults() {
        return core.faults;
    }

    /**
     * Closes every open connection without a word to the client, as a proxy or load balancer does when its idle
     * timeout fires: a client that sends its next request on one of them gets no answer. Call it between
     * requests; returns how many connections were closed.
     */
    public synchronized int closeIdleConnections() {
        if (server == null) {
            return 0;
        }
        int closed = 0;
        for (Connector connector : server.getConnectors()) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                endPoint.close();
                closed++;
            }
        }
        return closed;
    }

    /**
     * Clears files, requests, scripted failures, upload sessions, rate-limit history and faults, and puts a
     * manual clock back to its start. Workspaces, tags and the key stay.
     */
    public void reset() {
        core.store.clear();
        core.requestLog.clear();
        core.failureScripts.clear();
        core.uploadSessions.clear();
        core.rateLimiter.clear();
        core.faults.reset();
        core.requestHooks.clear();
        core.clock.reset();
        core.resetCreationTimes();
    }

    /** Stops the server and deletes the spooled uploads. */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("The Paradigm emulator did not stop cleanly", e);
            } finally {
                server = null;
                deleteSpoolDirectory();
            }
        } else {
            deleteSpoolDirectory();
        }
    }

    @Override
    public String toString() {
        return "ParadigmEmulator[" + (server == null ? "stopped" : baseUrl()) + "]";
    }

    private void deleteSpoolDirectory() {
        if (!Files.exists(spoolDirectory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(spoolDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + spoolDirectory, e);
        }
    }

    private Accounts.Workspace existingWorkspace(long workspaceId) {
        return core.accounts.workspace(workspaceId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown workspace id " + workspaceId));
    }

    private static void requireKnown(String value, java.util.Set<String> known, String what) {
        if (!known.contains(value)) {
            throw new IllegalArgumentException(what + " must be one of " + known + ", not " + value);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Configuration of an emulator; {@link #build()} creates it, not started. */
    public static final class Builder {
        private boolean manualClock = true;
        private Instant manualClockStart = MANUAL_CLOCK_START;
        private Duration stepDuration = Duration.ofSeconds(1);
        private long maxFileSize = DEFAULT_MAX_FILE_SIZE;
        private int port;
        private Duration sessionWindow = Duration.ofSeconds(60);
        private String apiKey;
        private int requestLogLimit = Integer.MAX_VALUE;

        private Builder() {
        }

        /** Time moves only through {@link ParadigmEmulator#advance(Duration)} (the default), from 2025-01-01T00:00:00Z. */
        public Builder manualClock() {
            return manualClock(MANUAL_CLOCK_START);
        }

        /** Time moves only through {@link ParadigmEmulator#advance(Duration)}, from {@code start}. */
        public Builder manualClock(Instant start) {
            this.manualClock = true;
            this.manualClockStart = Objects.requireNonNull(start, "start");
            return this;
        }

        /** Wall-clock time: files progress by themselves. */
        public Builder realClock() {
            this.manualClock = false;
            return this;
        }

        /** Time spent in each of pending, parsing and embedding (default 1 s). */
        public Builder stepDuration(Duration stepDuration) {
            if (stepDuration.isNegative()) {
                throw new IllegalArgumentException("stepDuration must not be negative: " + stepDuration);
            }
            this.stepDuration = stepDuration;
            return this;
        }

        /** Largest accepted upload in bytes (default 25 MB); larger ones get 413. */
        public Builder maxFileSize(long maxFileSize) {
            if (maxFileSize <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive: " + maxFileSize);
            }
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
            this.sessionWindow = Objects.requireNonNull(sessionWindow, "sessionWindow");
            return this;
        }

        /** Fixed value for {@link ParadigmEmulator#apiKey()} instead of a random one. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Keep only the newest {@code limit} requests for {@link ParadigmEmulator#requests()} (default: every one), so
         * that an emulator serving millions of requests keeps a flat memory.
         */
        public Builder requestLogLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("requestLogLimit must not be negative: " + limit);
            }
            this.requestLogLimit = limit;
            return this;
        }

        public ParadigmEmulator build() {
            return new ParadigmEmulator(this);
        }
    }
}
