package io.camelparadigm.examples.uploader;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.management.JMException;
import javax.management.ObjectName;

import io.camelparadigm.examples.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class C1CompilationTest {

    @TempDir
    Path folder;

    /**
     * As {@code java -Duploader.relaunch=false -jar paradigm-uploader.jar} runs it: the upload in this JVM. The
     * directive is added once per JVM (by {@link UploaderWarmUp}), here maybe by an upload of another test before.
     */
    @Test
    void anUploadRunInThisJvmExcludesEveryMethodFromC2AndLeavesC1On() throws Exception {
        Files.writeString(folder.resolve("a.txt"), "a");

        UploaderRun run = UploaderRun.run("--files-dir=" + folder, "--progress=lines", "--emulator-step=PT0.01S");

        assertThat(run.status()).as(run.output()).isZero();
        Eventually.await("the directive", Duration.ofSeconds(60), () -> addedDirectives().contains("matching: *.*"));
        String added = addedDirectives();
        assertThat(added.substring(added.indexOf("c1 directives:"), added.indexOf("c2 directives:")))
                .contains("Exclude:false");
        assertThat(added.substring(added.indexOf("c2 directives:"))).contains("Exclude:true");
    }

    /** The directives added to this JVM, the last added first, without HotSpot's default. */
    private static String addedDirectives() {
        String directives = directives();
        return directives.substring(0, directives.indexOf("Directive: (default)"));
    }

    private static String directives() {
        try {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
