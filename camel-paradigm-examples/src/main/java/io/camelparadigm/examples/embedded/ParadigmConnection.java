package io.camelparadigm.examples.embedded;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.camelparadigm.component.paradigm.ParadigmConfiguration;
import io.camelparadigm.component.paradigm.client.BaseUrl;
import io.camelparadigm.emulator.ParadigmEmulator;

/**
 * Where the examples send documents: the Paradigm instance named by {@code paradigm.api-key} (and
 * {@code paradigm.base-url}, default {@code https://paradigm.lighton.ai}), or, when neither is set, an emulator
 * started in this JVM so that the examples run offline. Closing it stops the embedded emulator.
 */
public final class ParadigmConnection implements AutoCloseable {

    public static final String BASE_URL = "paradigm.base-url";
    public static final String API_KEY = "paradigm.api-key";
    public static final String WORKSPACE_ID = "paradigm.workspace-id";
    /** How long the embedded emulator spends in each of pending, parsing and embedding. */
    public static final String EMULATOR_STEP = "paradigm.emulator.step";
    public static final Duration DEFAULT_EMULATOR_STEP = Duration.ofSeconds(1);

    private final String baseUrl;
    private final String apiKey;
    private final long workspaceId;
    private final ParadigmEmulator emulator;
    private final Duration emulatorStep;

    private ParadigmConnection(String baseUrl, String apiKey, long workspaceId, ParadigmEmulator emulator,
                               Duration emulatorStep) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.workspaceId = workspaceId;
        this.emulator = emulator;
        this.emulatorStep = emulatorStep;
    }

    /**
     * @throws IllegalArgumentException when the settings are incomplete, saying which one to set
     */
    public static ParadigmConnection resolve(Function<String, Optional<String>> properties) {
        Optional<String> apiKey = properties.apply(API_KEY).filter(value -> !value.isBlank());
        Optional<String> baseUrl = properties.apply(BASE_URL).filter(value -> !value.isBlank());
        if (apiKey.isEmpty() && baseUrl.isEmpty()) {
            return embedded(properties.apply(EMULATOR_STEP).map(Duration::parse).orElse(DEFAULT_EMULATOR_STEP));
        }
        if (apiKey.isEmpty()) {
            throw new IllegalArgumentException("A Paradigm URL is set (" + BASE_URL + ") but no API key: set "
                                               + "PARADIGM_API_KEY (or --api-key / " + API_KEY + ")");
        }
        long workspaceId = properties.apply(WORKSPACE_ID).filter(value -> !value.isBlank()).map(value -> {
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The workspace id must be a number, was '" + value + "'");
            }
        }).orElseThrow(() -> new IllegalArgumentException("Missing the workspace: --workspace-id=<id> (or "
                + WORKSPACE_ID + " / PARADIGM_WORKSPACE_ID); GET /api/v3/workspaces lists the ones your key can see"));
        return new ParadigmConnection(checkedBaseUrl(baseUrl.orElse(ParadigmConfiguration.DEFAULT_BASE_URL)),
                apiKey.get(), workspaceId, null, null);
    }

    /** The URL in the form the component uses; a URL it cannot use fails here, saying which setting holds it. */
    private static String checkedBaseUrl(String url) {
        try {
            return BaseUrl.parse(url).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--base-url / " + BASE_URL + ": " + e.getMessage(), e);
        }
    }

    /** Starts an emulator on 127.0.0.1 with the real clock: each document takes three steps to be embedded. */
    public static ParadigmConnection embedded(Duration step) {
        ParadigmEmulator emulator = ParadigmEmulator.builder().realClock().stepDuration(step).build().start();
        return new ParadigmConnection(emulator.baseUrl(), emulator.apiKey(), emulator.workspaceId(), emulator, step);
    }

    public boolean isEmbedded() {
        return emulator != null;
    }

    /** The embedded emulator, or null when talking to a real instance. */
    public ParadigmEmulator emulator() {
        return emulator;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiKey() {
        return apiKey;
    }

    public long workspaceId() {
        return workspaceId;
    }

    /** One line for the user: where the documents go. */
    public String describe() {
        if (isEmbedded()) {
            return "No PARADIGM_BASE_URL/PARADIGM_API_KEY set: using an embedded Paradigm emulator at " + baseUrl
                   + " (workspace " + workspaceId + ", about "
                   + String.format(Locale.ROOT, "%.1f", emulatorStep.multipliedBy(3).toMillis() / 1000.0)
                   + " s of processing per document). Set PARADIGM_API_KEY to use your Paradigm instance.";
        }
        return "Uploading to Paradigm at " + baseUrl + ", workspace " + workspaceId + ".";
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Override
    public String toString() {
        return "ParadigmConnection[" + baseUrl + ", workspace " + workspaceId + (isEmbedded() ? ", embedded" : "") + "]";
    }
}
