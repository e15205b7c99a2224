package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A class-data sharing archive of the uploader's classes (AppCDS), kept in {@code <uploader.state-dir>/jvm}: the
 * second JVM maps the classes of Camel, Jackson, HttpClient and the uploader from it instead of loading and
 * verifying them from the jars, which is most of its start-up. The first run writes it when it ends
 * ({@code -XX:ArchiveClassesAtExit}, a second or two after the summary); later runs use it
 * ({@code -XX:SharedArchiveFile}).
 * <p>
 * One archive per jar location and JVM, named after both and after the jar's size and date, so that a rebuilt jar or
 * another JVM gets a new one (the JVM also refuses an archive that does not match its class path); writing it removes
 * the one of the older jar, and those of other locations that no run used for 30 days (a jar since moved or
 * removed). A run writes to a file of its own, and the archive becomes the named file only when the run ended
 * normally and a JVM started with it ({@code -Xshare:on}): a cut-short archive is never used, since HotSpot 17 may
 * crash mapping one. Nothing is archived when the folder cannot be written or the class path holds anything but jars;
 * then the uploader starts as it would without.
 */
final class ClassDataArchive {

    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Duration ABANDONED = Duration.ofHours(1);
    /** An archive no run used for this long is of a jar location that is likely gone: removed when another is written. */
    private static final Duration UNUSED = Duration.ofDays(30);
    private static final long CHECK_SECONDS = 60;
    private static final int CRASHED = 134;

    private final Path archive;
    private final Path pending;
    private final String javaCommand;
    private final String classPath;

    private ClassDataArchive(Path archive, Path pending, String javaCommand, String classPath) {
        this.archive = archive;
        this.pending = pending;
        this.javaCommand = javaCommand;
        this.classPath = classPath;
    }

    /**
     * @param stateDir       the uploader's state folder ({@link StateDir#beforeCamel})
     * @param systemProperty this JVM's system properties
     * @param pid            this process, to name the archive it writes
     * @return the archive for this jar and JVM, empty when none can be kept
     */
    static Optional<ClassDataArchive> of(Path stateDir, Function<String, String> systemProperty, long pid) {
        String givenClassPath = systemProperty.apply("java.class.path");
        String javaHome = systemProperty.apply("java.home");
        if (givenClassPath == null || givenClassPath.isEmpty() || javaHome == null) {
            return Optional.empty();
        }
        String classPath = absoluteClassPath(givenClassPath);
        StringBuilder version = new StringBuilder(String.valueOf(systemProperty.apply("java.vm.version")));
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                return Optional.empty(); // HotSpot archives classes from jars only
            }
            try {
                version.append('|').append(Files.size(jar)).append('|').append(Files.getLastModifiedTime(jar).toMillis());
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        Path folder = stateDir.resolve("jvm");
        try {
            Files.createDirectories(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String name = "uploader-" + ShortHash.of(javaHome + '|' + classPath) + "-"
                      + ShortHash.of(version.toString());
        Path archive = folder.resolve(name + ".jsa");
        if (!Files.isReadable(archive) && !Files.isWritable(folder)) {
            return Optional.empty();
        }
        return Optional.of(new ClassDataArchive(archive, folder.resolve(name + "." + pid + ".tmp"),
                Path.of(javaHome, "bin", "java").toString(), classPath));
    }

    /**
     * The class path the second JVM gets: each entry absolute. HotSpot records the class path in the archive as given and
     * refuses the archive when an entry is not found, so a relative one would make the archive useless (and never
     * written again) once the uploader is started from another folder.
     */
    static String absoluteClassPath(String classPath) {
        return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** The options that make the second JVM use the archive, or write it when there is none yet. */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        options.add(exists() ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + pending);
        options.addAll(QUIET); // warnings about classes it cannot archive (picocli's are Java 5 classes)
        return options;
    }

    /**
     * After the second JVM ended: keeps the archive it wrote when it ended normally (0 or 1) and a JVM starts with
     * it, else removes it; removes the archive it used when it crashed (134: HotSpot's abort, a damaged archive).
     */
    void settle(int exitStatus) {
        if (!Files.exists(pending)) {
            if (exitStatus == CRASHED) {
                deleteQuietly(archive);
            } else {
                markUsed();
            }
            return;
        }
        try {
            if ((exitStatus == 0 || exitStatus == 1) && startsWith(pending)) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOthers();
            }
        } catch (IOException | RuntimeException e) {
            // the next run writes one again
        } finally {
            discard();
        }
    }

    /** Removes what this run wrote, if anything (an interrupted run's archive misses the classes of an upload). */
    void discard() {
        deleteQuietly(pending); // else removed an hour later by another run
    }

    Path path() {
        return archive;
    }

    boolean exists() {
        return Files.isRegularFile(archive) && Files.isReadable(archive);
    }

    /** Whether a JVM starts with the archive: one cut short makes HotSpot 17 crash (SIGBUS) instead of refusing it. */
    private boolean startsWith(Path candidate) throws IOException {
        Path crashReport = pending.resolveSibling(pending.getFileName() + ".crash");
        Process check = new ProcessBuilder(javaCommand, "-XX:SharedArchiveFile=" + candidate, "-Xshare:on",
                "-XX:ErrorFile=" + crashReport, "-cp", classPath, "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!check.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return false;
            }
            return check.exitValue() == 0;
        } catch (InterruptedException e) {
            check.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        } finally {
            deleteQuietly(crashReport);
        }
    }

    /** Dates the archive as used, so that a run writing another one's does not take it for unused ({@link #UNUSED}). */
    private void markUsed() {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // someone else's archive, readable only: it stays, and may be removed as unused one day
        }
    }

    /**
     * The archives of older jars at this location, those of other locations no run used for {@link #UNUSED}, and
     * files of runs that never finished.
     */
    private void removeOthers() throws IOException {
        String archiveName = archive.getFileName().toString();
        String prefix = archiveName.substring(0, archiveName.lastIndexOf('-') + 1); // uploader-<location>-
        Instant now = Instant.now();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), "uploader-*")) {
            for (Path file : files) {
                if (file.equals(archive) || file.equals(pending)) {
                    continue;
                }
                String name = file.getFileName().toString();
                Instant modified = Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime().toInstant();
                boolean olderJar = name.endsWith(".jsa") && name.startsWith(prefix);
                boolean unused = name.endsWith(".jsa") && modified.isBefore(now.minus(UNUSED));
                boolean leftOver = name.endsWith(".tmp") && modified.isBefore(now.minus(ABANDONED));
                if (olderJar || unused || leftOver) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for a later run
        }
    }
}
