package io.camelparadigm.emulator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ParadigmEmulatorMainTest {

    @Test
    void runsOnTheRealClockAndServesTheKeyItPrints() throws Exception {
        ParadigmEmulatorMain main = new ParadigmEmulatorMain();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> new CommandLine(main)
                .execute("--port", "0", "--step", "100ms", "--api-key", "demo-key", "--max-file-size", "1KB"));
        for (int i = 0; i < 200 && main.emulator() == null; i++) {
            ApiTestClient.awaitQuietly(25);
        }
        ParadigmEmulator emulator = main.emulator();
        try (ApiTestClient api = new ApiTestClient(emulator.baseUrl(), "demo-key")) {
            StringWriter banner = new StringWriter();
            main.printBanner(new PrintWriter(banner, true));

            assertThat(banner.toString())
                    .contains("Paradigm emulator listening on " + emulator.baseUrl())
                    .contains("API key: demo-key")
                    .contains("workspace_id: " + emulator.workspaceId())
                    .contains("tag ids: " + emulator.tagIds().get(0) + ",");
            long id = api.upload("x.pdf", "%PDF".getBytes(StandardCharsets.UTF_8)).workspace(emulator.workspaceId())
                    .send().json().get("id").asLong();
            assertThat(api.upload("big.pdf", new byte[1025]).workspace(emulator.workspaceId()).send().status())
                    .isEqualTo(413);
            String status = null;
            for (int i = 0; i < 100 && !"embedded".equals(status); i++) {
                ApiTestClient.awaitQuietly(20);
                status = api.get("/api/v3/files/" + id).json().get("status").asText();
            }
            assertThat(status).isEqualTo("embedded");
        } finally {
            main.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void unreadableOptionsAreAUsageError() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ParadigmEmulatorMain()).setErr(new PrintWriter(err)).execute("--step", "soon");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("soon");
    }

    @Test
    void aPortInUseIsOneLineNamingTheOptionNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new ParadigmEmulatorMain()).setErr(new PrintWriter(err, true))
                    .execute("--port", String.valueOf(taken.getLocalPort()));

            assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
            assertThat(err.toString()).isEqualTo("Error: --port " + taken.getLocalPort() + ": 127.0.0.1:"
                    + taken.getLocalPort() + " is already in use; choose another port, or --port 0 for a free one."
                    + System.lineSeparator());
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new ParadigmEmulatorMain()).setErr(new PrintWriter(err, true))
                .execute("--port", "99999");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).startsWith("--port must be 0 (a free port) to 65535, was 99999")
                .doesNotContain("Exception");
    }

    @Test
    void durationsAndSizesReadTheUsualShorthands() {
        var durations = new ParadigmEmulatorMain.DurationConverter();
        var sizes = new ParadigmEmulatorMain.SizeConverter();

        assertThat(durations.convert("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(durations.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(sizes.convert("25MB")).isEqualTo(25L * 1024 * 1024);
        assertThat(sizes.convert("1gb")).isEqualTo(1024L * 1024 * 1024);
        assertThat(sizes.convert("1048576")).isEqualTo(1048576L);
    }
}
