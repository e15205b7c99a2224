package io.camelparadigm.examples.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * For the tests of the sync examples: a source's routes started in a Camel context of their own (so that a test can
 * stop it and start another, as a restart does) against the emulator's workspace, and what that workspace holds.
 */
public final class SyncedWorkspace {

    private final ParadigmEmulatorExtension paradigm;

    public SyncedWorkspace(ParadigmEmulatorExtension paradigm) {
        this.paradigm = paradigm;
    }

    /**
     * A WireMock server on 127.0.0.1 and a free port, for a static {@code @RegisterExtension} field: started before
     * the class's tests, its stubs and requests cleared before each test, stopped after the last.
     */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    /** A started context running {@code routes}, the component pointed at the emulator, with these properties. */
    public CamelContext start(RoutesBuilder routes, Map<String, String> properties) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        ParadigmComponent component = camel.getComponent("paradigm", ParadigmComponent.class);
        component.getConfiguration().setBaseUrl(paradigm.baseUrl());
        component.getConfiguration().setApiKey(paradigm.apiKey());
        Properties all = new Properties();
        all.putAll(properties);
        all.put("paradigm.workspace-id", String.valueOf(paradigm.workspaceId()));
        camel.getPropertiesComponent().setOverrideProperties(all);
        camel.addRoutes(routes);
        camel.start();
        return camel;
    }

    public void awaitDocuments(int count) throws InterruptedException {
        Eventually.await(count + " documents in Paradigm", Duration.ofSeconds(30),
                () -> paradigm.storedFiles(paradigm.workspaceId()).size() >= count);
    }

    /** Waits until the last entry of a FileStateRepository file ends with {@code value}. */
    public static void awaitState(Path file, String value) throws InterruptedException {
        Eventually.await(value + " stored in " + file, Duration.ofSeconds(30), () -> {
            try {
                return Files.exists(file) && Files.readString(file).strip().endsWith(value);
            } catch (IOException e) {
                return false;
            }
        });
    }

    public List<StoredFile> storedFiles() {
        return paradigm.storedFiles(paradigm.workspaceId());
    }

    public StoredFile storedFile(String externalId) {
        return storedFiles().stream().filter(file -> externalId.equals(file.externalId())).findFirst()
                .orElseThrow(() -> new AssertionError("no document with external id " + externalId));
    }

    /** The document as the API returns it (its text once parsed, when asked for). */
    public ParadigmFile document(CamelContext camel, String externalId, boolean withContent) {
        return camel.createProducerTemplate().requestBodyAndHeader("paradigm:getFile?includeContent=" + withContent,
                null, ParadigmConstants.FILE_ID, storedFile(externalId).id(), ParadigmFile.class);
    }

    /** Uploads ({@code POST /api/v3/files}) or the requests on one file ({@code PATCH /api/v3/files/12}). */
    public List<RecordedRequest> requests(String method, String path) {
        return paradigm.requests().stream().filter(request -> request.method().equals(method))
                .filter(request -> "POST".equals(method) ? request.path().equals(path) : request.path().startsWith(path))
                .toList();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
