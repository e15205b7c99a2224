package io.camelparadigm.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.camelparadigm.emulator.contract.ContractReferee;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension running a {@link ParadigmEmulator}. Registered on a {@code static} field with
 * {@code @RegisterExtension}, one emulator serves the whole class (state persists between tests unless a
 * test calls {@link #reset()}); on an instance field, each test gets a fresh one.
 *
 * <p>It is also a referee: every request the emulator receives and every answer it gives is checked against the
 * project's OpenAPI contract ({@link ContractReferee}), and a test during which one broke the contract fails, listing
 * what broke. This needs the validator libraries on the test classpath (see {@link ContractReferee#isAvailable()});
 * without them the extension warns once and checks nothing. {@link Builder#contractChecks(ContractChecks)} narrows
 * it for tests that send off-contract requests on purpose.
 */
public final class ParadigmEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ParadigmEmulatorExtension.class);
    private static final int VIOLATIONS_SHOWN = 20;

    private final ParadigmEmulator.Builder config;
    private final ContractChecks contractChecks;
    private ParadigmEmulator emulator;
    private ContractReferee referee;
    /** Open class scopes: the outer class plus any {@code @Nested} classes running inside it. */
    private int classScopes;

    /** An emulator with the default settings (manual clock). */
    public ParadigmEmulatorExtension() {
        this(ParadigmEmulator.builder(), ContractChecks.REQUESTS_AND_ANSWERS);
    }

    private ParadigmEmulatorExtension(ParadigmEmulator.Builder config, ContractChecks contractChecks) {
        this.config = config;
        this.contractChecks = contractChecks;
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
        try {
            assertNoViolations("after the tests of " + context.getDisplayName() + " (in their setup or background work)");
        } finally {
            if (classScopes == 0) {
                stop();
            }
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        startIfNeeded();
        assertNoViolations("before " + context.getDisplayName() + " started (in the class's setup or the background "
                           + "work of an earlier test)");
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        try {
            assertNoViolations("during " + context.getDisplayName());
        } finally {
            if (classScopes == 0) {
                stop();
            }
        }
    }

    private void startIfNeeded() {
        if (emulator == null) {
            emulator = config.build().start();
            if (contractChecks != ContractChecks.OFF) {
                if (ContractReferee.isAvailable()) {
                    referee = new ContractReferee(contractChecks == ContractChecks.REQUESTS_AND_ANSWERS);
                    emulator.addExchangeObserver(referee);
                } else {
                    LOG.warn("The Paradigm emulator does not check exchanges against its contract: add "
                             + "swagger-request-validator-core, openapi-operation-validator and commons-fileupload to "
                             + "the test classpath (see ContractReferee)");
                }
            }
        }
    }

    private void stop() {
        if (referee != null) {
            referee.close();
            referee = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    private void assertNoViolations(String when) {
        List<String> violations = takeContractViolations();
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("The Paradigm contract was broken ").append(when).append(": ")
                    .append(violations.size()).append(" violation(s)");
            violations.stream().limit(VIOLATIONS_SHOWN).forEach(v -> message.append("\n  - ").append(v));
            throw new AssertionError(message.toString());
        }
    }

    /**
     * The contract violations seen since the last call (each exchange judged first), and forgets them: a test that
     * breaks the contract on purpose asserts on them, and the extension then has none left to fail it for.
     */
    public synchronized List<String> takeContractViolations() {
        return referee == null ? List.of() : referee.takeViolations();
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
    public long createWorkspace(String name, WorkspaceRole role) { return emulator().createWorkspace(name, role); }
    public String createApiKey(Map<Long, WorkspaceRole> roles) { return emulator().createApiKey(roles); }
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
    public void onRequest(Consumer<RecordedRequest> hook) { emulator().onRequest(hook); }

    /** Clears files, requests, scripted failures and faults, and puts the clock back to its start. */
    public void reset() { emulator().reset(); }

    /** Same settings as {@link ParadigmEmulator.Builder}. */
    public static final class Builder {
        private final ParadigmEmulator.Builder config = ParadigmEmulator.builder();
        private ContractChecks contractChecks = ContractChecks.REQUESTS_AND_ANSWERS;

        private Builder() {
        }

        public Builder manualClock() { config.manualClock(); return this; }
        public Builder realClock() { config.realClock(); return this; }
        public Builder stepDuration(Duration d) { config.stepDuration(d); return this; }
        public Builder maxFileSize(long bytes) { config.maxFileSize(bytes); return this; }
        public Builder port(int port) { config.port(port); return this; }
        public Builder sessionWindow(Duration d) { config.sessionWindow(d); return this; }
        public Builder apiKey(String apiKey) { config.apiKey(apiKey); return this; }

        /** What each test's exchanges are checked for against the contract; default: requests and answers. */
        public Builder contractChecks(ContractChecks checks) {
            this.contractChecks = java.util.Objects.requireNonNull(checks, "checks");
            return this;
        }

        /** Any other setting of the emulator's builder. */
        public Builder configure(Consumer<ParadigmEmulator.Builder> customizer) {
            customizer.accept(config);
            return this;
        }

        public ParadigmEmulatorExtension build() {
            return new ParadigmEmulatorExtension(config, contractChecks);
        }
    }
}
