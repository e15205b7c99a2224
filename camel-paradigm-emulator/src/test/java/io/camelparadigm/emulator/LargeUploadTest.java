package io.camelparadigm.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator never holds an upload in the heap: a 1 GB upload passes in a JVM capped at 128 MB. */
class LargeUploadTest {

    private static final Logger LOG = LoggerFactory.getLogger(LargeUploadTest.class);
    private static final long ONE_GIGABYTE = 1024L * 1024 * 1024;

    @Test
    void oneGigabyteUploadIsStreamedAndHashedWithA128MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(List.of(java, "-Xmx128m",
                "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider",
                "-cp", System.getProperty("java.class.path"),
                LargeUploadProbe.class.getName(), Long.toString(ONE_GIGABYTE)))
                .redirectErrorStream(true)
                .start();
        boolean finished = probe.waitFor(5, TimeUnit.MINUTES);
        String output = readOutput(probe);
        if (!finished) {
            probe.destroyForcibly();
        }
        LOG.info("Large upload probe said: {}", output.lines().filter(l -> l.startsWith("OK") || l.startsWith("FAILED"))
                .findFirst().orElse(output));

        assertThat(finished).as("probe finished within 5 minutes").isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        assertThat(output).contains("OK status=201 size=" + ONE_GIGABYTE).contains("maxHeapMb=");
    }

    private static String readOutput(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
