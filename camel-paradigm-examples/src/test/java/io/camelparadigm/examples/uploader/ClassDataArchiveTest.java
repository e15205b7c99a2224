package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassDataArchiveTest {

    /** A jar of the test class path, as the uploader's jar is for the real archive. */
    private static final String JAR = jarOf(JsonFactory.class);

    @TempDir
    Path stateDir;

    @Test
    void theFirstRunWritesAnArchiveOfItsOwnThatBecomesTheArchiveOnceAJvmStartsWithIt() throws Exception {
        ClassDataArchive first = archive(JAR, 11).orElseThrow();
        assertThat(first.path().getParent()).isEqualTo(stateDir.resolve("jvm"));
        String writeOption = first.jvmOptions().get(0);
        assertThat(writeOption).startsWith("-XX:ArchiveClassesAtExit=").endsWith(".11.tmp");

        assertThat(java(first.jvmOptions())).isZero();
        first.settle(0);

        assertThat(first.path()).isRegularFile();
        assertThat(Path.of(writeOption.substring(writeOption.indexOf('=') + 1))).doesNotExist();
        ClassDataArchive later = archive(JAR, 12).orElseThrow();
        assertThat(later.jvmOptions()).contains("-XX:SharedArchiveFile=" + first.path(), "-Xlog:cds=off");
        assertThat(java(later.jvmOptions())).isZero();
    }

    @Test
    void anArchiveWrittenByARunStartedWithARelativePathServesRunsStartedFromAnotherFolder() throws Exception {
        Path jar = Files.copy(Path.of(JAR), Files.createDirectories(stateDir.resolve("app")).resolve("uploader.jar"));
        String relative = Path.of("").toAbsolutePath().relativize(jar).toString();
        ClassDataArchive first = archive(relative, 71).orElseThrow();
        String classPath = ClassDataArchive.absoluteClassPath(relative);
        assertThat(java(first.jvmOptions(), classPath)).isZero();
        first.settle(0);

        ClassDataArchive later = ClassDataArchive.of(stateDir, properties(jar.toString()), 72).orElseThrow();
        assertThat(later.path()).as("the same jar by its absolute path: the same archive").isEqualTo(first.path());
        List<String> required = new ArrayList<>(later.jvmOptions());
        required.add("-Xshare:on"); // refuse to start rather than run without the archive
        assertThat(java(required, ClassDataArchive.absoluteClassPath(jar.toString()), jar.getParent())).isZero();
    }

    @Test
    void anArchiveCutShortIsNeverKeptItWouldCrashTheJvm() throws Exception {
        ClassDataArchive first = archive(JAR, 21).orElseThrow();
        assertThat(java(first.jvmOptions())).isZero();
        Path pending = Path.of(first.jvmOptions().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        byte[] whole = Files.readAllBytes(pending);
        Files.write(pending, java.util.Arrays.copyOf(whole, whole.length / 2));

        first.settle(0);

        assertThat(first.path()).doesNotExist();
        assertThat(pending).doesNotExist();
        try (var files = Files.list(stateDir.resolve("jvm"))) {
            assertThat(files).as("no crash report left behind").isEmpty();
        }
    }

    @Test
    void anInterruptedOrFailedRunKeepsNoArchive() throws Exception {
        ClassDataArchive interrupted = archive(JAR, 31).orElseThrow();
        assertThat(java(interrupted.jvmOptions())).isZero();

        interrupted.settle(130);

        assertThat(interrupted.path()).doesNotExist();
        try (var files = Files.list(stateDir.resolve("jvm"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aNewJarGetsItsOwnArchiveAndTheOldJarsArchiveIsRemoved() throws Exception {
        Path jar = Files.copy(Path.of(JAR), stateDir.resolve("uploader.jar"));
        ClassDataArchive old = archive(jar.toString(), 41).orElseThrow();
        assertThat(java(old.jvmOptions(), jar.toString())).isZero();
        old.settle(0);
        assertThat(old.path()).isRegularFile();

        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassDataArchive rebuilt = archive(jar.toString(), 42).orElseThrow();
        assertThat(rebuilt.path()).isNotEqualTo(old.path());
        assertThat(rebuilt.jvmOptions().get(0)).startsWith("-XX:ArchiveClassesAtExit=");
        assertThat(java(rebuilt.jvmOptions(), jar.toString())).isZero();
        rebuilt.settle(0);

        assertThat(rebuilt.path()).isRegularFile();
        assertThat(old.path()).doesNotExist();
    }

    @Test
    void writingAnArchiveRemovesThoseOfOtherJarLocationsThatNoRunUsedFor30Days() throws Exception {
        Path folder = Files.createDirectories(stateDir.resolve("jvm"));
        Path gone = Files.writeString(folder.resolve("uploader-0a0a0a0a0a0a-1b1b1b1b1b1b.jsa"), "a removed jar's");
        Path recent = Files.writeString(folder.resolve("uploader-2c2c2c2c2c2c-3d3d3d3d3d3d.jsa"), "another jar's");
        Files.setLastModifiedTime(gone, FileTime.from(Instant.now().minus(Duration.ofDays(31))));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(29))));

        ClassDataArchive first = archive(JAR, 45).orElseThrow();
        assertThat(java(first.jvmOptions())).isZero();
        first.settle(0);

        assertThat(first.path()).isRegularFile();
        assertThat(gone).doesNotExist();
        assertThat(recent).isRegularFile();
    }

    @Test
    void aRunThatUsedTheArchiveDatesItAsUsed() throws Exception {
        ClassDataArchive first = archive(JAR, 46).orElseThrow();
        assertThat(java(first.jvmOptions())).isZero();
        first.settle(0);
        Files.setLastModifiedTime(first.path(), FileTime.from(Instant.now().minus(Duration.ofDays(40))));

        ClassDataArchive used = archive(JAR, 47).orElseThrow();
        assertThat(java(used.jvmOptions())).isZero();
        used.settle(0);

        assertThat(Files.getLastModifiedTime(used.path()).toInstant()).isAfter(Instant.now().minus(Duration.ofDays(1)));
    }

    @Test
    void aJvmThatCrashedWithTheArchiveRemovesItSoTheNextRunStartsWithout() throws Exception {
        ClassDataArchive first = archive(JAR, 51).orElseThrow();
        assertThat(java(first.jvmOptions())).isZero();
        first.settle(0);
        ClassDataArchive used = archive(JAR, 52).orElseThrow();

        used.settle(134);

        assertThat(used.path()).doesNotExist();
    }

    @Test
    void noArchiveWhenTheClassPathHoldsAFolderOrTheStateFolderCannotBeMade() throws Exception {
        assertThat(archive(JAR + java.io.File.pathSeparator + stateDir, 61)).isEmpty();

        Path notAFolder = Files.writeString(stateDir.resolve("file"), "x");
        assertThat(ClassDataArchive.of(notAFolder, properties(JAR), 62)).isEmpty();
    }

    private Optional<ClassDataArchive> archive(String classPath, long pid) {
        return ClassDataArchive.of(stateDir, properties(classPath), pid);
    }

    private static Function<String, String> properties(String classPath) {
        return Map.of("java.class.path", classPath, "java.home", System.getProperty("java.home"),
                "java.vm.version", System.getProperty("java.vm.version"))::get;
    }

    private static int java(List<String> options) throws IOException, InterruptedException {
        return java(options, JAR);
    }

    /** A JVM as the second one starts, with the archive's options, on the archive's class path. */
    private static int java(List<String> options, String classPath) throws IOException, InterruptedException {
        return java(options, classPath, Path.of(""));
    }

    private static int java(List<String> options, String classPath, Path folder) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, "-version"));
        Process process = new ProcessBuilder(command).directory(folder.toAbsolutePath().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
