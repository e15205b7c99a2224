package io.camelparadigm.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class UploaderCommandTest {

    private final UploaderCommand command = new UploaderCommand(new PrintStream(new ByteArrayOutputStream()));

    @Test
    void everyVendorScriptOptionBecomesTheCamelPropertyItOverrides() {
        new CommandLine(command).parseArgs("--files-dir=/data/docs", "--workspace-id=42", "--batch-size=20",
                "--max-fails=5", "--tags=1,2,3", "--state-file=upload_state.txt", "--include-extensions=pdf,docx",
                "--exclude-extensions=tmp,log,.DS_Store", "--base-url=https://paradigm.example", "--api-key=k-123");

        assertThat(command.propertyOverrides()).containsOnly(
                entry("uploader.files-dir", "/data/docs"),
                entry("paradigm.workspace-id", "42"),
                entry("uploader.batch-size", "20"),
                entry("uploader.max-fails", "5"),
                entry("uploader.tags", "1,2,3"),
                entry("uploader.state-file", "upload_state.txt"),
                entry("uploader.include-extensions", "pdf,docx"),
                entry("uploader.exclude-extensions", "tmp,log,.DS_Store"),
                entry("paradigm.base-url", "https://paradigm.example"),
                entry("paradigm.api-key", "k-123"));
    }

    @Test
    void optionsNotGivenLeaveTheOtherSourcesInCharge() {
        new CommandLine(command).parseArgs("--files-dir=docs");

        assertThat(command.propertyOverrides()).isEqualTo(Map.of("uploader.files-dir", "docs"));
    }

    @Test
    void concurrencyIsAnAliasOfBatchSize() {
        new CommandLine(command).parseArgs("--concurrency=7");

        assertThat(command.propertyOverrides()).containsEntry("uploader.batch-size", "7");
    }

    @Test
    void helpNamesEachOptionWithItsPropertyAndEnvironmentVariable() {
        StringWriter help = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(help));

        int status = commandLine.execute("--help");

        assertThat(status).isZero();
        assertThat(help.toString()).contains("--files-dir", "UPLOADER_FILES_DIR", "--max-fails", "UPLOADER_MAX_FAILS",
                "--include-extensions", "PARADIGM_API_KEY", "Exit status");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithStatus2() {
        StringWriter errors = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setErr(new PrintWriter(errors));

        int status = commandLine.execute("--files-dir=docs", "--batchsize=3");

        assertThat(status).isEqualTo(2);
        assertThat(errors.toString()).contains("--batchsize");
    }

    @Test
    void aBadSettingIsReportedInOneLineWithStatus2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UploaderCommand failing = new UploaderCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        int status = new CommandLine(failing).execute("--files-dir=samples", "--batch-size=80");

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Error: --batch-size")
                .contains("between 1 and 50");
    }

    @Test
    void aBaseUrlWithoutSchemeIsReportedInOneLineWithStatus2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UploaderCommand failing = new UploaderCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        int status = new CommandLine(failing).execute("--files-dir=samples", "--base-url=localhost:8080",
                "--api-key=k", "--workspace-id=1");

        assertThat(status).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Error: --base-url / paradigm.base-url: baseUrl "
                                                                    + "'localhost:8080' does not start with http:// or "
                                                                    + "https://: write e.g. https://localhost:8080");
    }
}
