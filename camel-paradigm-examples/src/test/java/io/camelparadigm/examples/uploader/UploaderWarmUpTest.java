package io.camelparadigm.examples.uploader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploaderWarmUpTest {

    /**
     * The warm-up sets up logging on its own thread while the command line is read; a logger the job asks for in
     * the meantime would be SLF4J's stand-in, whose events come out late with a warning on standard error. A JVM of
     * its own, so that logging is not set up yet, with an SLF4J binding that takes a second to set up.
     */
    @Test
    void theJobsFirstLoggerWaitsUntilTheWarmUpHasSetUpLogging() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dslf4j.provider=" + SlowSlf4jProvider.class.getName(),
                WarmUpLoggingProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("logged after the warm-up").doesNotContain("substitute");
    }
}
