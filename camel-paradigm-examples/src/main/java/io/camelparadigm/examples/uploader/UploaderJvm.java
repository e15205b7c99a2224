package io.camelparadigm.examples.uploader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JVM the folder uploader runs in. {@code java -jar paradigm-uploader.jar} cannot carry JVM options, and a run
 * of a few thousand files is mostly JVM start-up and JIT compilation (docs/benchmarks.md), so the launched JVM starts
 * a second one, with the same options, class path and arguments plus those that make a short network-bound run
 * cheap: C1 only ({@code -XX:TieredStopAtLevel=1}), compiling a method after half the usual number of calls
 * ({@code -XX:CompileThresholdScaling=0.5}: with C1 only, a method compiled sooner costs less CPU than its
 * interpreted calls would; docs/benchmarks.md), the serial collector, and the uploader's classes from a
 * class-data archive ({@link ClassDataArchive}). An option the user gave on the command line wins over ours.
 * <p>
 * It runs the upload in its own JVM instead when told to ({@code -Duploader.relaunch=false} or
 * {@code UPLOADER_RELAUNCH=false}), for {@code --help} and {@code --version}, when it is the second JVM, when it was
 * not started as the uploader (Maven's {@code exec:java}), on a JVM other than HotSpot, and when an agent (a
 * debugger, a profiler) is attached to it.
 */
public final class UploaderJvm {

    /** Set on the second JVM: the pid of the JVM that started it ({@link LauncherWatch}). */
    public static final String LAUNCHER_PID = "uploader.launcher-pid";
    public static final String RELAUNCH = "uploader.relaunch";
    static final String RELAUNCH_ENV = "UPLOADER_RELAUNCH";
    /** Their content is already in the JVM's input arguments: set again, the second JVM would take it twice. */
    static final Set<String> OPTION_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    private static final String MAIN_CLASS = "io.camelparadigm.examples.ParadigmUploaderApp";

    private UploaderJvm() {
    }

    /** This JVM as the launcher sees it: its options, how it was started, its settings. */
    record Launch(List<String> jvmOptions, String javaCommand, String classPath, String vmName, long pid,
                  Function<String, String> systemProperty, Function<String, String> environment) {

        static Launch current() {
            return new Launch(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""),
                    System.getProperty("java.vm.name", ""), ProcessHandle.current().pid(), System::getProperty,
                    System::getenv);
        }
    }

    /** True when this JVM was started by the launcher: it runs the upload. */
    public static boolean isSecondJvm() {
        return System.getProperty(LAUNCHER_PID) != null;
    }

    /** Whether the upload should run in a second JVM; only reads system properties and the environment. */
    public static boolean relaunchWanted(String[] args) {
        return !isSecondJvm() && !"false".equalsIgnoreCase(setting(System::getProperty, System::getenv))
               && !onlyPrints(args);
    }

    /** True when the command line asks for the help or the version: it prints them, it uploads nothing. */
    public static boolean onlyPrints(String[] args) {
        return java.util.Arrays.stream(args).anyMatch(HELP::contains);
    }

    /**
     * The second JVM's command line, or empty when the upload should run in this one (see the class comment).
     */
    static Optional<List<String>> command(Launch launch, String[] args, Optional<ClassDataArchive> archive) {
        boolean startedAsUploader = launch.javaCommand().startsWith(MAIN_CLASS)
                                    || !launch.classPath().isEmpty() && launch.javaCommand().startsWith(launch.classPath());
        if (!startedAsUploader || !launch.vmName().contains("Server VM")
            || launch.jvmOptions().stream().anyMatch(UploaderJvm::isAgent)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(launch.systemProperty().apply("java.home"), "bin", "java").toString());
        if (noneStartsWith(launch.jvmOptions(), "-XX:TieredStopAtLevel", "-XX:-TieredCompilation")) {
            command.add("-XX:TieredStopAtLevel=1");
            if (noneStartsWith(launch.jvmOptions(), "-XX:CompileThresholdScaling")) {
                command.add("-XX:CompileThresholdScaling=0.5");
            }
        }
        if (launch.jvmOptions().stream().noneMatch(option -> option.matches("-XX:[+-]Use\\w*GC"))) {
            command.add("-XX:+UseSerialGC");
        }
        if (noneStartsWith(launch.jvmOptions(), "-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit")) {
            archive.ifPresent(classData -> command.addAll(classData.jvmOptions()));
        }
        command.addAll(launch.jvmOptions());
        command.add("-D" + LAUNCHER_PID + "=" + launch.pid());
        command.addAll(List.of("-cp", ClassDataArchive.absoluteClassPath(launch.classPath()), MAIN_CLASS));
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * The environment of the second JVM: this one's, without the variables holding JVM options, and with file names
     * read as UTF-8 in the C locale ({@link Utf8Locale}).
     */
    static void prepareEnvironment(Map<String, String> environment) {
        environment.keySet().removeAll(OPTION_VARIABLES);
        Utf8Locale.coerce(environment);
    }

    static String setting(Function<String, String> systemProperty, Function<String, String> environment) {
        String value = systemProperty.apply(RELAUNCH);
        return value != null ? value : environment.apply(RELAUNCH_ENV);
    }

    private static boolean isAgent(String option) {
        return option.startsWith("-agentlib") || option.startsWith("-agentpath") || option.startsWith("-javaagent")
               || option.startsWith("-Xrunjdwp") || option.equals("-Xdebug");
    }

    private static boolean noneStartsWith(List<String> options, String... prefixes) {
        return options.stream().noneMatch(option -> java.util.Arrays.stream(prefixes).anyMatch(option::startsWith));
    }
}
