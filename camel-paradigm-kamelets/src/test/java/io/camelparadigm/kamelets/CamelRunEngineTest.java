package io.camelparadigm.kamelets;

import java.nio.file.Files;
import java.nio.file.Path;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML route file run by KameletMain, the engine behind camel-jbang's {@code camel run}, with the component on the
 * classpath as {@code --dep} would put it (camel-jbang itself is not served by the Maven Central reachable here).
 */
class CamelRunEngineTest {

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = new ParadigmEmulatorExtension();

    /** camel-kamelets, a test dependency in the pom so it is in the local repository camel run resolves from. */
    private static final String KAMELETS_CATALOG_VERSION = "4.18.0";

    @TempDir
    Path inbox;

    @Test
    void aYamlRouteFileRunsAndUploads() throws Exception {
        Files.writeString(inbox.resolve("minutes.txt"), "Board meeting minutes");
        KameletMain main = new KameletMain("camel.jbang");
        main.setDownload(false);   // everything is on the test classpath; nothing may come from a network here
        // the Kamelets catalog camel run adds: the version on the test classpath (4.17.0 by default)
        main.addInitialProperty("camel.jbang.kameletsVersion", KAMELETS_CATALOG_VERSION);
        main.addInitialProperty("camel.main.routesIncludePattern", "classpath:camel-run/upload.camel.yaml");
        // like camel run --max-messages=1 --max-seconds=60
        main.addInitialProperty("camel.main.durationMaxMessages", "1");
        main.addInitialProperty("camel.main.durationMaxSeconds", "60");
        main.addInitialProperty("camel.component.paradigm.baseUrl", PARADIGM.baseUrl());
        main.addInitialProperty("camel.component.paradigm.apiKey", PARADIGM.apiKey());
        main.addInitialProperty("workspace", String.valueOf(PARADIGM.workspaceId()));
        main.addInitialProperty("inbox", inbox.toString());

        main.run();

        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).singleElement().satisfies(stored -> {
            assertThat(stored.filename()).isEqualTo("minutes.txt");
            assertThat(stored.externalId()).isEqualTo("fileshare:minutes.txt");
        });
    }
}
