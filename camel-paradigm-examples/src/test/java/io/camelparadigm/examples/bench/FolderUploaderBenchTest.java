package io.camelparadigm.examples.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code paradigm-bench folder-uploader}, small: the folder uploader's process against a standalone emulator. */
class FolderUploaderBenchTest {

    @TempDir
    Path workDir;

    @Test
    void theEmulatorsWarmUpLoadIsDeletedBeforeTheMeasuredRunWhichStoresEachFileOnce() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));

        // the upload in the uploader's own JVM (relaunch off): no class-data archive written under the user's home
        int exit = command.execute("folder-uploader", "--scenario", "small", "--files", "12", "--size", "1KB",
                "--concurrency", "3", "--repeat", "1", "--uploaders", "java", "--step", "50", "--poll-interval", "0.5",
                "--emulator-warm-up", "12", "--uploader-jvm-options", "-Duploader.relaunch=false",
                "--work-dir", workDir.toString());

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines).hasSize(1);
        JsonNode run = new ObjectMapper().readTree(lines[0]);
        assertThat(run.get("uploader").asText()).isEqualTo("java");
        assertThat(run.get("exitStatus").asInt()).isZero();
        assertThat(run.get("emulatorWarmUpFiles").asInt()).isEqualTo(12);
        assertThat(run.get("stored").asLong()).as("the warm-up's 12 documents were deleted").isEqualTo(12);
        assertThat(run.get("storedEachOnce").asBoolean()).isTrue();
    }
}
