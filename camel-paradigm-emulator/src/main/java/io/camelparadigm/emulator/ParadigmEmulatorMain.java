package io.camelparadigm.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the emulator standalone, on the real clock, until the process is stopped:
 * {@code java -jar camel-paradigm-emulator-<version>-standalone.jar --port 8080 --step 3s}.
 */
@Command(name = "paradigm-emulator", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = ParadigmEmulatorMain.JarVersion.class,
        description = "Runs an emulator of the LightOn Paradigm v3 API on 127.0.0.1 (real clock).")
public final class ParadigmEmulatorMain implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port on 127.0.0.1, 0 = random. Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--step", converter = DurationConverter.class,
            description = "Time each file spends in pending, parsing and embedding (e.g. 3s, 500ms, 1m, PT2S). "
                    + "Default: 3s.")
    Duration step = Duration.ofSeconds(3);

    @Option(names = "--max-file-size", converter = SizeConverter.class,
            description = "Largest accepted upload (e.g. 25MB, 1GB, 1048576). Default: 25MB.")
    long maxFileSize = ParadigmEmulator.DEFAULT_MAX_FILE_SIZE;

    @Option(names = "--session-window", converter = DurationConverter.class,
            description = "Uploads closer together than this share an upload session. Default: 60s.")
    Duration sessionWindow = Duration.ofSeconds(60);

    @Option(names = "--api-key", description = "Use this API key instead of a random one.")
    String apiKey;

    @Option(names = "--request-log-limit", description = "Requests kept in memory (the newest); the standalone "
            + "emulator never shows them, so a long run keeps a flat memory. Default: ${DEFAULT-VALUE}.")
    int requestLogLimit = 10_000;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile ParadigmEmulator emulator;

    public static void main(String[] args) {
        int exit = new CommandLine(new ParadigmEmulatorMain()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be 0 (a free port) to 65535, was " + port);
        }
        ParadigmEmulator built = ParadigmEmulator.builder()
                .realClock()
                .port(port)
                .stepDuration(step)
                .maxFileSize(maxFileSize)
                .sessionWindow(sessionWindow)
                .apiKey(apiKey)
                .requestLogLimit(requestLogLimit)
                .build();
        try {
            emulator = built.start();
        } catch (IllegalStateException e) {
            built.close();
            if (!causedByBind(e)) {
                throw e;
            }
            spec.commandLine().getErr().println("Error: --port " + port + ": 127.0.0.1:" + port
                    + " is already in use; choose another port, or --port 0 for a free one.");
            return CommandLine.ExitCode.USAGE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "paradigm-emulator-shutdown"));
        printBanner(new PrintWriter(System.out, true));
        stopped.await();
        return 0;
    }

    void printBanner(PrintWriter out) {
        out.println("Paradigm emulator listening on " + emulator.baseUrl());
        out.println("API key: " + emulator.apiKey() + "   workspace_id: " + emulator.workspaceId() + "   tag ids: "
                + emulator.tagIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
        out.println("Try: curl -F file=@x.pdf -F workspace_id=" + emulator.workspaceId()
                + " -H \"Authorization: Bearer " + emulator.apiKey() + "\" " + emulator.baseUrl() + "/api/v3/files");
    }

    /** Stops the emulator and lets {@link #call()} return. */
    void stop() {
        ParadigmEmulator running = emulator;
        if (running != null) {
            running.close();
        }
        stopped.countDown();
    }

    ParadigmEmulator emulator() {
        return emulator;
    }

    private static boolean causedByBind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The version Maven wrote into the jar ({@code pom.properties}); "unknown" when run from classes. */
    static final class JarVersion implements CommandLine.IVersionProvider {
        private static final String POM_PROPERTIES =
                "/META-INF/maven/io.camelparadigm/camel-paradigm-emulator/pom.properties";

        @Override
        public String[] getVersion() throws IOException {
            Properties pom = new Properties();
            try (InputStream in = ParadigmEmulatorMain.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in != null) {
                    pom.load(in);
                }
            }
            return new String[] {"paradigm-emulator " + pom.getProperty("version", "unknown")};
        }
    }

    /** {@code 3s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT3S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            try {
                return Duration.parse(value.trim());
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 3s, 500ms, PT2S)");
            }
        }
    }

    /** Bytes, or a number with KB, MB or GB (binary multiples). */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb)?");

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a size (e.g. 25MB, 1GB, 1048576)");
            }
            long amount = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "b" : m.group(2);
            return switch (unit) {
                case "kb" -> amount * 1024;
                case "mb" -> amount * 1024 * 1024;
                case "gb" -> amount * 1024 * 1024 * 1024;
                default -> amount;
            };
        }
    }
}
