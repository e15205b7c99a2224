package io.camelparadigm.examples.uploader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploaderJvmTest {

    private static final String JAR = "/opt/uploader/paradigm-uploader.jar";
    private static final String[] ARGS = {"--files-dir", "/data/docs", "--batch-size", "50"};

    @Test
    void theSecondJvmGetsC1TheSerialCollectorAndTheArchiveThenTheUsersOptionsTheSameClassPathAndArguments() {
        List<String> command = UploaderJvm.command(launch(List.of("-Xmx64m", "-Duploader.poll-interval=PT1S")),
                ARGS, Optional.empty()).orElseThrow();

        assertThat(command).containsExactly(Path.of("/jdk", "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=0.5", "-XX:+UseSerialGC", "-Xmx64m", "-Duploader.poll-interval=PT1S", "-Duploader.launcher-pid=4242",
                "-cp", JAR, "io.camelparadigm.examples.ParadigmUploaderApp", "--files-dir", "/data/docs",
                "--batch-size", "50");
    }

    @Test
    void theSecondJvmsClassPathIsAbsoluteForItsClassDataArchiveRecordsItAsGiven() {
        UploaderJvm.Launch relative = new UploaderJvm.Launch(List.of(), "target/paradigm-uploader.jar --files-dir x",
                "target/paradigm-uploader.jar", "OpenJDK 64-Bit Server VM", 7, Map.of("java.home", "/jdk")::get,
                name -> null);

        List<String> command = UploaderJvm.command(relative, ARGS, Optional.empty()).orElseThrow();

        assertThat(command.get(command.indexOf("-cp") + 1))
                .isEqualTo(Path.of("target/paradigm-uploader.jar").toAbsolutePath().toString());
    }

    @Test
    void aCompilerLevelACollectorOrAClassDataSettingOfTheUserWinsOverOurs() {
        List<String> command = UploaderJvm.command(launch(List.of("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC",
                "-Xshare:off")), ARGS, Optional.empty()).orElseThrow();

        assertThat(command).doesNotContain("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5",
                        "-XX:+UseSerialGC")
                .contains("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC", "-Xshare:off");
    }

    @Test
    void aCompileThresholdOfTheUserWinsOverOurs() {
        List<String> command = UploaderJvm.command(launch(List.of("-XX:CompileThresholdScaling=2")), ARGS,
                Optional.empty()).orElseThrow();

        assertThat(command).contains("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=2")
                .doesNotContain("-XX:CompileThresholdScaling=0.5");
    }

    @Test
    void theUploadRunsInThisJvmUnderMavensExecJavaOnAnotherVmOrWithADebuggerAttached() {
        UploaderJvm.Launch execJava = new UploaderJvm.Launch(List.of(),
                "org.codehaus.plexus.classworlds.launcher.Launcher -q exec:java", "/maven/boot/plexus-classworlds.jar",
                "OpenJDK 64-Bit Server VM", 1, name -> "/jdk", name -> null);
        UploaderJvm.Launch openJ9 = new UploaderJvm.Launch(List.of(), JAR + " --files-dir x", JAR, "Eclipse OpenJ9 VM",
                1, name -> "/jdk", name -> null);

        assertThat(UploaderJvm.command(execJava, ARGS, Optional.empty())).isEmpty();
        assertThat(UploaderJvm.command(openJ9, ARGS, Optional.empty())).isEmpty();
        assertThat(UploaderJvm.command(launch(List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005")),
                ARGS, Optional.empty())).isEmpty();
        assertThat(UploaderJvm.command(launch(List.of("-javaagent:/opt/profiler.jar")), ARGS, Optional.empty()))
                .isEmpty();
    }

    @Test
    void startedWithTheMainClassOnAClassPathItRelaunchesToo() {
        UploaderJvm.Launch withMainClass = new UploaderJvm.Launch(List.of(),
                "io.camelparadigm.examples.ParadigmUploaderApp --files-dir x", JAR, "OpenJDK 64-Bit Server VM", 7,
                name -> "/jdk", name -> null);

        assertThat(UploaderJvm.command(withMainClass, ARGS, Optional.empty())).isPresent();
    }

    @Test
    void theOptOutIsASystemPropertyOrAnEnvironmentVariableAndThePropertyWins() {
        assertThat(UploaderJvm.setting(name -> null, name -> name.equals("UPLOADER_RELAUNCH") ? "false" : null))
                .isEqualTo("false");
        assertThat(UploaderJvm.setting(name -> name.equals("uploader.relaunch") ? "true" : null,
                name -> name.equals("UPLOADER_RELAUNCH") ? "false" : null)).isEqualTo("true");
    }

    @Test
    void helpAndVersionAreAnsweredByTheFirstJvm() {
        assertThat(UploaderJvm.relaunchWanted(new String[] {"--help"})).isFalse();
        assertThat(UploaderJvm.relaunchWanted(new String[] {"-V"})).isFalse();
        assertThat(UploaderJvm.relaunchWanted(ARGS)).isTrue();
    }

    @Test
    void theVariablesHoldingJvmOptionsAreNotPassedOnTheirOptionsAreAlreadyOnTheCommandLine() {
        Map<String, String> environment = new HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Dlog4j2.level=DEBUG",
                "JDK_JAVA_OPTIONS", "-Xmx1g", "PARADIGM_API_KEY", "k", "UPLOADER_FILES_DIR", "/data",
                "LANG", "en_US.UTF-8"));

        UploaderJvm.prepareEnvironment(environment);

        assertThat(environment).containsOnlyKeys("PARADIGM_API_KEY", "UPLOADER_FILES_DIR", "LANG");
    }

    @Test
    void theSecondJvmReadsFileNamesAsUtf8InTheCLocale() {
        Map<String, String> environment = new HashMap<>(Map.of("LC_ALL", "C"));

        UploaderJvm.prepareEnvironment(environment);

        assertThat(environment).containsEntry("LC_ALL", "C.UTF-8");
    }

    private static UploaderJvm.Launch launch(List<String> jvmOptions) {
        return new UploaderJvm.Launch(jvmOptions, JAR + " --files-dir /data/docs", JAR, "OpenJDK 64-Bit Server VM",
                4242, name -> name.equals("java.home") ? "/jdk" : null, name -> null);
    }
}
