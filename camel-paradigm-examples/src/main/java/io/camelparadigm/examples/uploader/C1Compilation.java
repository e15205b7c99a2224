package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Has HotSpot compile with C1 only, as {@code -XX:TieredStopAtLevel=1} does, in a process started with
 * {@code java -jar}, which cannot carry JVM options. An upload run waits on the network most of its life; the
 * optimising compiler (C2) spent more CPU compiling its hot paths than a run of thousands of files won back
 * (docs/benchmarks.md: 12-14 s of CPU for 2,000 files, 5-6 s with C1 only), CPU that the uploads lacked.
 * <p>
 * It adds the compiler directive {@code c2: {Exclude: true}} for every method through the JVM's diagnostic command
 * MBean, as {@code jcmd <pid> Compiler.directives_add} does; a method that would have gone to C2 stays at C1's full
 * optimisation. Nothing is done when the command line already sets {@code TieredStopAtLevel} (e.g.
 * {@code -XX:TieredStopAtLevel=4} keeps C2; the second JVM of {@link UploaderJvm} always has it) or on a JVM without
 * the command.
 */
final class C1Compilation {

    private static final String DIRECTIVE = "[{match: \"*.*\", c2: {Exclude: true}}]";

    private C1Compilation() {
    }

    /** @return true when the directive is in place */
    static boolean apply() {
        if (UploaderJvm.isSecondJvm() || ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.contains("TieredStopAtLevel"))) {
            return false;
        }
        Path directives = null;
        try {
            directives = Files.createTempFile("paradigm-uploader-c1", ".json");
            Files.writeString(directives, DIRECTIVE);
            ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            return true;
        } catch (IOException | JMException | RuntimeException e) {
            return false; // another JVM: it compiles as it always does
        } finally {
            deleteQuietly(directives);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file of 40 bytes
            }
        }
    }
}
