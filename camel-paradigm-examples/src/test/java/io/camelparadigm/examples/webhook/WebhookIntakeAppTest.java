package io.camelparadigm.examples.webhook;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The app as a user starts it without any Paradigm settings: embedded emulator, webhook and watcher running. */
class WebhookIntakeAppTest {

    @TempDir
    Path deadLetters;

    @Test
    void withoutParadigmSettingsItSaysSoFirstAndServesTheWebhookAgainstTheEmbeddedEmulator() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Main main = WebhookIntakeApp.create(new PrintStream(output, true, StandardCharsets.UTF_8), Map.of(
                WebhookIntakeApp.PORT, String.valueOf(port),
                "webhook.path", "/intake",
                "paradigm.emulator.step", "PT0.1S",
                "webhook.completion-poll-interval", "50ms",
                "watcher.deadLetterFolder", deadLetters.toString()));
        main.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/intake/processed"))
                    .timeout(Duration.ofSeconds(30))
                    .header(WebhookHeaders.FILENAME, "hello.md")
                    .POST(HttpRequest.BodyPublishers.ofString("# Hello")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"embedded\"");
            assertThat(main.getCamelContext().getRoute("paradigm-status-watcher")).isNotNull();
        } finally {
            main.stop();
        }
        String[] lines = output.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0]).startsWith("No PARADIGM_BASE_URL/PARADIGM_API_KEY set: using an embedded Paradigm emulator");
        assertThat(lines[1]).startsWith("Webhook intake on http://127.0.0.1:" + port + "/intake, e.g.: curl ")
                .endsWith(" http://127.0.0.1:" + port + "/intake");
    }

    @Test
    void aPortInUseStopsTheAppWithAMessageNamingTheSettingInsteadOfRunningWithoutItsWebhook() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Main main = WebhookIntakeApp.create(new PrintStream(output, true, StandardCharsets.UTF_8), Map.of(
                    WebhookIntakeApp.PORT, String.valueOf(taken.getLocalPort()),
                    "watcher.deadLetterFolder", deadLetters.toString()));
            try {
                Throwable failure = catchThrowable(main::start);
                while (failure != null && failure.getCause() != null) {
                    failure = failure.getCause();
                }
                assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("webhook.port " + taken.getLocalPort() + ": cannot listen on 127.0.0.1:"
                                + taken.getLocalPort() + " (in use?); set -Dwebhook.port to a free port");
            } finally {
                main.stop();
            }
            assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("Webhook intake on");
        }
    }
}
