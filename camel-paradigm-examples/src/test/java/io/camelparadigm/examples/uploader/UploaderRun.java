package io.camelparadigm.examples.uploader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.examples.UploaderCommand;
import picocli.CommandLine;

/** Runs the uploader's command line in this JVM and keeps what it printed. */
record UploaderRun(int status, String output) {

    static UploaderRun run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = new CommandLine(new UploaderCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute(args);
        return new UploaderRun(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs against the test's emulator, polling fast, with plain progress lines, keeping the default state files in
     * {@code stateDir}.
     */
    static UploaderRun against(ParadigmEmulatorExtension paradigm, java.nio.file.Path stateDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--base-url=" + paradigm.baseUrl(), "--api-key=" + paradigm.apiKey(),
                "--progress=lines", "--processing-timeout=60"));
        if (List.of(args).stream().noneMatch(arg -> arg.startsWith("--workspace-id="))) {
            all.add("--workspace-id=" + paradigm.workspaceId());
        }
        all.addAll(List.of(args));
        System.setProperty(UploaderSettings.POLL_INTERVAL, "PT0.2S");
        System.setProperty(UploaderSettings.STATE_DIR, stateDir.toString());
        try {
            return run(all.toArray(String[]::new));
        } finally {
            System.clearProperty(UploaderSettings.POLL_INTERVAL);
            System.clearProperty(UploaderSettings.STATE_DIR);
        }
    }

    List<String> lines() {
        return output.lines().toList();
    }
}
