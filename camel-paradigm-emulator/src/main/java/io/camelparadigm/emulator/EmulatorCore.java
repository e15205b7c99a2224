package io.camelparadigm.emulator;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.DateGenerator;

/**
 * The emulator's state and the operations on it shared by the HTTP endpoints and the Java API: accounts,
 * documents, clock, sessions, faults and the request log.
 */
final class EmulatorCore {

    /** SHA-256 of zero bytes: the hash of seeded files that have no content. */
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String DEFAULT_PARSER = "v2.2.1";

    final ObjectMapper mapper = new ObjectMapper();
    final EmulatorClock clock;
    final long stepMicros;
    final long maxFileSize;
    final Path spoolDirectory;
    final Accounts accounts = new Accounts();
    final FileStore store;
    final FailureScripts failureScripts = new FailureScripts();
    final UploadSessions uploadSessions;
    final RateLimiter rateLimiter = new RateLimiter();
    final RequestLog requestLog = new RequestLog();
    /** Told of every exchange once it is answered (the contract referee of the JUnit extension). */
    final List<java.util.function.Consumer<ObservedExchange>> exchangeObservers =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    final Faults faults;
    final RequestHooks requestHooks = new RequestHooks();

    final String apiKey;
    final Accounts.Caller caller;
    final Accounts.User foreignUser;
    final Accounts.Workspace workspace;
    final Accounts.Workspace readOnlyWorkspace;
    final Accounts.Workspace foreignWorkspace;
    final List<Long> tagIds = new ArrayList<>();
    final long foreignTagId;

    /** How many times a document's state was computed: what a listing costs beyond walking an index. */
    final LongAdder statesComputed = new LongAdder();

    private long lastCreatedAtMicros = Long.MIN_VALUE;

    EmulatorCore(EmulatorClock clock, Duration step, long maxFileSize, Duration sessionWindow, String apiKey,
                 Path spoolDirectory) {
        this.clock = clock;
        this.stepMicros = Math.max(0, step.toNanos() / 1_000);
        this.store = new FileStore(stepMicros);
        this.maxFileSize = maxFileSize;
        this.spoolDirectory = spoolDirectory;
        this.uploadSessions = new UploadSessions(sessionWindow.toNanos() / 1_000);
        this.faults = new Faults(clock::now);
        this.apiKey = apiKey != null ? apiKey : newApiKey();

        Accounts.User user = new Accounts.User(7, Accounts.OUR_COMPANY, "Emma", "Ulator", "emma.ulator");
        this.foreignUser = new Accounts.User(8, Accounts.FOREIGN_COMPANY, "Otto", "Ther", "otto.ther");
        this.caller = accounts.addKey(this.apiKey, user);
        this.workspace = accounts.addWorkspace("Emulator Workspace", Accounts.OUR_COMPANY);
        this.readOnlyWorkspace = accounts.addWorkspace("Read-only Workspace", Accounts.OUR_COMPANY);
        this.foreignWorkspace = accounts.addWorkspace("Other Company Workspace", Accounts.FOREIGN_COMPANY);
        caller.grant(workspace.id(), WorkspaceRole.EDITOR);
        caller.grant(readOnlyWorkspace.id(), WorkspaceRole.VIEWER);
        accounts.addKey(newApiKey(), foreignUser).grant(foreignWorkspace.id(), WorkspaceRole.EDITOR);
        for (String name : List.of("Compliance", "Legal", "Finance")) {
            tagIds.add(accounts.addTag(name, Accounts.OUR_COMPANY).id());
        }
        this.foreignTagId = accounts.addTag("Other Company Tag", Accounts.FOREIGN_COMPANY).id();
    }

    private static String newApiKey() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "emu-" + HexFormat.of().formatHex(random);
    }

    long nowMicros() {
        return Timestamps.toMicros(clock.now());
    }

    /**
     * A creation time for a new document: now, but strictly after the previous one, so that created_at
     * orders uploads even when the manual clock stands still (the manual clock then moves up to it).
     */
    synchronized long nextCreatedAtMicros() {
        long created = Math.max(nowMicros(), lastCreatedAtMicros + 1);
        lastCreatedAtMicros = created;
        clock.moveForwardTo(Timestamps.toInstant(created));
        return created;
    }

    synchronized void resetCreationTimes() {
        lastCreatedAtMicros = Long.MIN_VALUE;
    }

    Document.State stateOf(Document document) {
        return visibleState(document, nowMicros());
    }

    /** The document as a reader sees it at {@code nowMicros}: its transitions show once committed. */
    Document.State visibleState(Document document, long nowMicros) {
        statesComputed.increment();
        return document.stateAt(nowMicros - faults.commitDelayMicros(document.id), stepMicros);
    }

    /**
     * The {@code Date} header of an answer to a request that arrived at {@code arrivedAt}: the emulator's clock,
     * shifted by the injected skew. On the real clock it is read as the answer is written, as a web server does. A
     * manual clock moves in jumps no real request could straddle: a jump made while a request is answered would date
     * the answer seconds after the state it read, which no real service does, so the answer is dated as the request
     * arrived.
     */
    String dateHeader(Instant arrivedAt) {
        Instant stamp = clock.isManual() ? arrivedAt : clock.now();
        return DateGenerator.formatDate(stamp.plus(faults.dateSkew()));
    }

    Accounts.User userOf(Accounts.Workspace workspace) {
        return workspace.companyId() == Accounts.OUR_COMPANY ? caller.user() : foreignUser;
    }

    StoredFile toStoredFile(Document document) {
        return new StoredFile(document.id, document.workspace.id(), document.filename, document.title, document.size,
                document.sha256, stateOf(document).status(), document.uploadSessionUuid, document.externalId(),
                document.tagIds());
    }

    /** The document {@code idText} names when the caller may see it; otherwise 404, as for an id that does not exist. */
    Document visibleDocument(Accounts.Caller caller, String idText) throws ApiException {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("No file matches the given query.");
        }
        return store.find(id)
                .filter(document -> caller.canSee(document.workspace.id()))
                .orElseThrow(() -> ApiException.notFound("No file matches the given query."));
    }

    /** As {@link #visibleDocument}, and the caller may change it; 403 otherwise. */
    Document writableDocument(Accounts.Caller caller, String idText) throws ApiException {
        Document document = visibleDocument(caller, idText);
        if (!caller.canWrite(document.workspace.id())) {
            throw ApiException.permissionDenied("You do not have permission to edit file " + document.id + ".");
        }
        return document;
    }

    /** A new key of our company's user with these roles; returns the key. */
    String addKey(java.util.Map<Long, WorkspaceRole> roles) {
        String key = newApiKey();
        Accounts.Caller added = accounts.addKey(key, caller.user());
        roles.forEach(added::grant);
        return key;
    }

    /** Error body {@code {id, code, error, detail, doc_url}}. */
    ObjectNode errorBody(String code, String error, String detail) {
        ObjectNode body = mapper.createObjectNode();
        body.put("id", java.util.UUID.randomUUID().toString());
        body.put("code", code);
        body.put("error", error);
        body.put("detail", detail);
        body.put("doc_url", "https://docs.lighton.ai/api-reference/errors");
        return body;
    }
}
