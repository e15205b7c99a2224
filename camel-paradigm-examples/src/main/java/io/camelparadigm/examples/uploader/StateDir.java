package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The folder where the uploader keeps what it remembers between runs: the state files ({@link StateFileLocation})
 * and the class-data archive ({@link ClassDataArchive}). It is the setting {@code uploader.state-dir}, by default
 * {@code ~/.paradigm-uploader}; the upload reads it from Camel's properties, the launcher with {@link #beforeCamel}.
 */
final class StateDir {

    private static final String APPLICATION_PROPERTIES = "application.properties";

    private StateDir() {
    }

    /**
     * @param properties the uploader's settings
     * @param userHome   the home folder, for the default
     */
    static Path of(Function<String, Optional<String>> properties, String userHome) {
        return properties.apply(UploaderSettings.STATE_DIR).filter(value -> !value.isBlank()).map(Path::of)
                .orElse(Path.of(userHome, ".paradigm-uploader"));
    }

    /**
     * The folder as the upload will find it, for the launcher, which decides the archive before Camel starts: the
     * setting is looked up where and in the order camel-main looks it up for the upload ({@link FolderUploadJob}'s
     * property locations), the first found wins: the environment variable, the system property,
     * {@code application.properties} on the class path, then in the working folder.
     *
     * @return empty when the value holds a Camel placeholder ({@code {{...}}}), which only Camel resolves
     */
    static Optional<Path> beforeCamel(Function<String, String> systemProperty, Function<String, String> environment,
                                      Path workingDir) {
        Optional<String> configured = Optional.ofNullable(environmentVariable(environment))
                .or(() -> Optional.ofNullable(systemProperty.apply(UploaderSettings.STATE_DIR)))
                .or(() -> fromFile(StateDir.class.getClassLoader().getResourceAsStream(APPLICATION_PROPERTIES)))
                .or(() -> fromFile(workingDir.resolve(APPLICATION_PROPERTIES)));
        if (configured.filter(value -> value.contains("{{")).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(of(key -> configured, systemProperty.apply("user.home")));
    }

    /** Camel's names for it: the key in upper case, then also with dots and dashes as underscores. */
    private static String environmentVariable(Function<String, String> environment) {
        String upperCase = UploaderSettings.STATE_DIR.toUpperCase(Locale.ROOT);
        String value = environment.apply(upperCase);
        return value != null ? value : environment.apply(upperCase.replace('.', '_').replace('-', '_'));
    }

    private static Optional<String> fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return fromFile(Files.newInputStream(file));
        } catch (IOException e) {
            return Optional.empty(); // camel-main skips it as well (an optional location)
        }
    }

    /** Camel trims the trailing spaces of a value read from a file. */
    private static Optional<String> fromFile(InputStream file) {
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = file) {
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty(UploaderSettings.STATE_DIR)).map(String::stripTrailing);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
