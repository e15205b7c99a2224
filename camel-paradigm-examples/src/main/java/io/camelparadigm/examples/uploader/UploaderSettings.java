package io.camelparadigm.examples.uploader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelparadigm.component.paradigm.OnExisting;

/**
 * The folder uploader's settings. Each one is a Camel property, so it can come from the command line, an
 * {@code application.properties} key, a JVM system property or an environment variable (the key upper-cased, dots
 * and dashes as underscores: {@code uploader.batch-size} = {@code UPLOADER_BATCH_SIZE}).
 */
public record UploaderSettings(Path filesDir, int concurrency, int maxFails, List<Long> tags, Path stateFile,
                               Path stateDir, List<String> includeExtensions, List<String> excludeExtensions, long maxFileSize,
                               Set<String> supportedExtensions, OnExisting onExisting, Duration processingTimeout,
                               Duration pollInterval, boolean sync, boolean deleteMissing, boolean dryRun) {

    public static final String FILES_DIR = "uploader.files-dir";
    public static final String BATCH_SIZE = "uploader.batch-size";
    public static final String MAX_FAILS = "uploader.max-fails";
    public static final String TAGS = "uploader.tags";
    public static final String STATE_FILE = "uploader.state-file";
    public static final String STATE_DIR = "uploader.state-dir";
    public static final String INCLUDE_EXTENSIONS = "uploader.include-extensions";
    public static final String EXCLUDE_EXTENSIONS = "uploader.exclude-extensions";
    public static final String MAX_FILE_SIZE_MB = "uploader.max-file-size-mb";
    public static final String SUPPORTED_EXTENSIONS = "uploader.supported-extensions";
    public static final String ON_EXISTING = "uploader.on-existing";
    public static final String PROCESSING_TIMEOUT = "uploader.processing-timeout";
    public static final String POLL_INTERVAL = "uploader.poll-interval";
    public static final String SYNC = "uploader.sync";
    public static final String DELETE_MISSING = "uploader.delete-missing";
    public static final String DRY_RUN = "uploader.dry-run";

    public static final int DEFAULT_BATCH_SIZE = 10;
    public static final int MAX_BATCH_SIZE = 50;
    public static final int DEFAULT_MAX_FAILS = 1;
    public static final int DEFAULT_MAX_FILE_SIZE_MB = 25;
    /** The formats Paradigm's upload guide lists, plus the usual spellings of the same formats. */
    public static final String DEFAULT_SUPPORTED_EXTENSIONS =
            "pdf,docx,doc,pptx,ppt,txt,md,markdown,html,htm,xlsx,xls,csv,rtf,odt,ods,odp";
    public static final Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(30);
    /** How often the status follower asks Paradigm what changed. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);
    /**
     * Why a folder named with bytes that are not UTF-8 (a Latin-1 name) is not found: the JVM decodes its arguments,
     * settings and environment as text, each such byte as U+FFFD, and that text names another path.
     */
    private static final String NOT_UTF8_PATH = " was not found: a name in it is not valid UTF-8 (each such byte "
            + "shows as \uFFFD), and a path given as a setting cannot hold those bytes. Give a folder above it (the "
            + "files and folders below are found whatever their names) or rename it";

    private static String whyNotAFolder(Path filesDir) {
        if (Files.exists(filesDir)) {
            return " is not a folder";
        }
        return FolderScanner.mayHoldUndecodableBytes(filesDir.toString()) ? NOT_UTF8_PATH : " does not exist";
    }

    /**
     * Reads the settings through a property lookup (in a route: {@code getContext().getPropertiesComponent()
     * ::resolveProperty}).
     *
     * @throws IllegalArgumentException naming the setting and what it accepts, when a value is missing or wrong
     */
    public static UploaderSettings from(Function<String, Optional<String>> properties) {
        Path filesDir = properties.apply(FILES_DIR).filter(value -> !value.isBlank()).map(Path::of)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Missing the folder to upload: --files-dir=<folder> (or " + FILES_DIR + " / UPLOADER_FILES_DIR)"));
        if (!Files.isDirectory(filesDir)) {
            throw new IllegalArgumentException("--files-dir (" + FILES_DIR + "): " + filesDir.toAbsolutePath().normalize()
                                               + whyNotAFolder(filesDir));
        }
        int concurrency = integer(properties, BATCH_SIZE, DEFAULT_BATCH_SIZE);
        if (concurrency < 1 || concurrency > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch-size (" + BATCH_SIZE + ") must be between 1 and "
                                               + MAX_BATCH_SIZE + ", was " + concurrency);
        }
        int maxFails = integer(properties, MAX_FAILS, DEFAULT_MAX_FAILS);
        if (maxFails < 1) {
            throw new IllegalArgumentException("--max-fails (" + MAX_FAILS + ") must be at least 1, was " + maxFails);
        }
        int maxFileSizeMb = integer(properties, MAX_FILE_SIZE_MB, DEFAULT_MAX_FILE_SIZE_MB);
        if (maxFileSizeMb < 1) {
            throw new IllegalArgumentException("--max-file-size-mb (" + MAX_FILE_SIZE_MB + ") must be at least 1");
        }
        String onExisting = properties.apply(ON_EXISTING).orElse(OnExisting.skip.name());
        boolean sync = flag(properties, SYNC);
        boolean deleteMissing = flag(properties, DELETE_MISSING);
        boolean dryRun = flag(properties, DRY_RUN);
        if ((deleteMissing || dryRun) && !sync) {
            throw new IllegalArgumentException((deleteMissing ? "--delete-missing (" + DELETE_MISSING + ")"
                                                              : "--dry-run (" + DRY_RUN + ")")
                                               + " works with --sync (" + SYNC + "): add --sync");
        }
        Duration processingTimeout = duration(properties, PROCESSING_TIMEOUT, DEFAULT_PROCESSING_TIMEOUT);
        if (processingTimeout.isNegative()) {
            throw new IllegalArgumentException("--processing-timeout (" + PROCESSING_TIMEOUT + ") must not be negative, was "
                                               + processingTimeout);
        }
        Duration pollInterval = duration(properties, POLL_INTERVAL, DEFAULT_POLL_INTERVAL);
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException(POLL_INTERVAL + " (UPLOADER_POLL_INTERVAL) must be more than zero, was "
                                               + pollInterval);
        }
        return new UploaderSettings(
                filesDir,
                concurrency,
                maxFails,
                list(properties, TAGS, "").stream().map(tag -> tagId(tag)).toList(),
                properties.apply(STATE_FILE).filter(value -> !value.isBlank()).map(Path::of).orElse(null),
                StateDir.of(properties, System.getProperty("user.home")),
                list(properties, INCLUDE_EXTENSIONS, ""),
                list(properties, EXCLUDE_EXTENSIONS, ""),
                maxFileSizeMb * 1024L * 1024L,
                list(properties, SUPPORTED_EXTENSIONS, DEFAULT_SUPPORTED_EXTENSIONS).stream()
                        .map(extension -> extension.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                onExisting(onExisting),
                processingTimeout,
                pollInterval,
                sync, deleteMissing, dryRun);
    }

    public NameFilter nameFilter() {
        return new NameFilter(includeExtensions, excludeExtensions);
    }

    public FolderScanner scanner() {
        return new FolderScanner(nameFilter(), supportedExtensions, maxFileSize);
    }

    private static int integer(Function<String, Optional<String>> properties, String key, int defaultValue) {
        String value = properties.apply(key).orElse(null);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }

    private static boolean flag(Function<String, Optional<String>> properties, String key) {
        String value = properties.apply(key).orElse("false").trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " is true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> list(Function<String, Optional<String>> properties, String key, String defaultValue) {
        return Arrays.stream(properties.apply(key).orElse(defaultValue).split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }

    private static long tagId(String tag) {
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--tags (" + TAGS + ") takes tag ids separated by commas, e.g. 1,2; '"
                                               + tag + "' is not an id");
        }
    }

    private static OnExisting onExisting(String value) {
        OnExisting mode;
        try {
            mode = OnExisting.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            mode = null;
        }
        if (mode == null || mode == OnExisting.replace) {
            // the component's replace is the uploader's --sync, which also knows which files changed
            throw new IllegalArgumentException("--on-existing (" + ON_EXISTING + ") is one of upload, skip, fail; was '"
                                               + value + "'" + (mode == OnExisting.replace
                    ? ": to replace the documents of changed files in place, use --sync" : ""));
        }
        return mode;
    }

    private static Duration duration(Function<String, Optional<String>> properties, String key, Duration defaultValue) {
        return properties.apply(key).filter(value -> !value.isBlank()).map(value -> duration(key, value))
                .orElse(defaultValue);
    }

    /** ISO-8601 (PT10M) or a number of seconds. */
    private static Duration duration(String key, String value) {
        String text = value.trim();
        try {
            return text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text))
                                                             : Duration.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " is a number of seconds or an ISO-8601 duration "
                                               + "such as PT30M; was '" + value + "'");
        }
    }
}
