package io.camelparadigm.examples.uploader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.IOHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StateDirTest {

    private static final String HOME = "/home/someone";

    @TempDir
    Path workingDir;

    @Test
    void theLauncherPutsTheArchiveInTheStateFolderOfApplicationPropertiesInTheWorkingFolder() throws Exception {
        Path configured = workingDir.resolve("uploader-state");
        Files.writeString(workingDir.resolve("application.properties"),
                "uploader.state-dir = " + configured + "   \n");

        Path stateDir = StateDir.beforeCamel(systemProperties(Map.of()), name -> null, workingDir).orElseThrow();
        ClassDataArchive archive = ClassDataArchive.of(stateDir, systemProperties(Map.of("java.class.path",
                jarOf(JsonFactory.class), "java.home", System.getProperty("java.home"))), 7).orElseThrow();

        assertThat(stateDir).isEqualTo(configured);
        assertThat(archive.path().getParent()).isEqualTo(configured.resolve("jvm"));
    }

    @Test
    void theLauncherAndTheUploadsCamelPropertiesFindTheSameFolder() throws Exception {
        Path configured = workingDir.resolve("uploader-state");
        Files.writeString(workingDir.resolve("application.properties"),
                "uploader.files-dir = " + workingDir + "\nuploader.state-dir = " + configured + "  \n");
        assertThat(fromCamel()).isEqualTo(configured);
        assertThat(StateDir.beforeCamel(System::getProperty, System::getenv, workingDir)).contains(fromCamel());

        Path fromSystemProperty = workingDir.resolve("from-system-property");
        String before = System.setProperty(UploaderSettings.STATE_DIR, fromSystemProperty.toString());
        try {
            assertThat(fromCamel()).isEqualTo(fromSystemProperty);
            assertThat(StateDir.beforeCamel(System::getProperty, System::getenv, workingDir)).contains(fromCamel());
        } finally {
            if (before == null) {
                System.clearProperty(UploaderSettings.STATE_DIR);
            } else {
                System.setProperty(UploaderSettings.STATE_DIR, before);
            }
        }
    }

    @Test
    void theEnvironmentVariableWinsOverTheSystemPropertyWhichWinsOverTheFileAsInCamel() throws Exception {
        Files.writeString(workingDir.resolve("application.properties"), "uploader.state-dir=/from/file\n");
        Function<String, String> systemProperty = systemProperties(Map.of(UploaderSettings.STATE_DIR, "/from/sys"));
        String camelName = IOHelper.normalizeEnvironmentVariable(UploaderSettings.STATE_DIR);

        assertThat(StateDir.beforeCamel(systemProperty, Map.of(camelName, "/from/env")::get, workingDir))
                .contains(Path.of("/from/env"));
        assertThat(StateDir.beforeCamel(systemProperty, Map.of("UPLOADER.STATE-DIR", "/upper-case")::get, workingDir))
                .contains(Path.of("/upper-case"));
        assertThat(StateDir.beforeCamel(systemProperty, name -> null, workingDir)).contains(Path.of("/from/sys"));
        assertThat(StateDir.beforeCamel(systemProperties(Map.of()), name -> null, workingDir))
                .contains(Path.of("/from/file"));
    }

    @Test
    void blankOrUnsetIsTheHomeFolderAndAPlaceholderIsCamelsToResolve() throws Exception {
        Path home = Path.of(HOME, ".paradigm-uploader");
        assertThat(StateDir.beforeCamel(systemProperties(Map.of()), name -> null, workingDir)).contains(home);
        assertThat(StateDir.of(name -> Optional.of(" "), HOME)).isEqualTo(home);

        Files.writeString(workingDir.resolve("application.properties"), "uploader.state-dir={{env:STATE}}/x\n");
        assertThat(StateDir.beforeCamel(systemProperties(Map.of()), name -> null, workingDir)).isEmpty();
    }

    /** As {@link FolderUploadJob} reads it, with the working folder's application.properties. */
    private Path fromCamel() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setLocation("classpath:application.properties;optional=true,file:"
                                                         + workingDir.resolve("application.properties") + ";optional=true");
            context.start();
            return UploaderSettings.from(context.getPropertiesComponent()::resolveProperty).stateDir();
        }
    }

    private static Function<String, String> systemProperties(Map<String, String> properties) {
        return name -> name.equals("user.home") ? HOME : properties.get(name);
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
