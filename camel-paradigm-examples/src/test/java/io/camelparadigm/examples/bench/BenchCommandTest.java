package io.camelparadigm.examples.bench;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark command end to end, small: what it prints, and that the component stores every file once. */
class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new BenchCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void printsOneJsonLineWhereTheComponentStoredEveryFileOnceDespiteFaults() throws Exception {
        int exit = run("--scenario", "smoke", "--files", "30", "--size", "4KB", "--concurrency", "4",
                "--latency-ms", "0", "--warmup", "3", "--too-many-requests", "0.2", "--retry-after", "0",
                "--lost-answers", "2", "--component-options", "maxRetries=10&retryInitialDelay=5&retryMaxDelay=20");

        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines).hasSize(1);
        JsonNode report = new ObjectMapper().readTree(lines[0]);
        assertThat(report.get("scenario").asText()).isEqualTo("smoke");
        JsonNode component = report.get("component");
        assertThat(component.get("stored").asInt()).isEqualTo(30);
        assertThat(component.get("distinctExternalIds").asInt()).isEqualTo(30);
        assertThat(component.get("duplicates").asInt()).isZero();
        assertThat(component.get("failures").asInt()).isZero();
        assertThat(component.get("retries").asInt()).as("the injected faults were met and retried").isPositive();
        assertThat(component.get("lookups").asInt()).as("each lost answer was looked up").isGreaterThanOrEqualTo(2);
        assertThat(component.get("concurrencyLimitAtEnd").asInt()).as("the adaptive limit, at most C").isBetween(1, 4);
        assertThat(report.get("componentStoredEachOnce").asBoolean()).isTrue();
        assertThat(report.get("plain").get("uploadRequests").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(report.has("componentToPlain")).isTrue();
    }

    @Test
    void repeatPrintsOneLinePerRunSwappingWhichUploaderGoesFirst() throws Exception {
        int exit = run("--files", "5", "--size", "1KB", "--concurrency", "2", "--latency-ms", "0", "--warmup", "0",
                "--repeat", "2");

        assertThat(exit).as(err.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        String[] lines = out.toString().strip().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines[0]).get("order").asText()).isEqualTo("component,plain");
        assertThat(json.readTree(lines[1]).get("order").asText()).isEqualTo("plain,component");
        for (String line : lines) {
            assertThat(json.readTree(line).get("component").get("stored").asInt()).isEqualTo(5);
            assertThat(json.readTree(line).get("plain").get("stored").asInt()).isEqualTo(5);
        }
    }

    @Test
    void refusesAnUnknownUploaderBeforeStartingAnything() {
        int exit = run("--files", "1", "--uploaders", "curl");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown uploader 'curl'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void refusesFaultFractionsAddingUpBeyondOne() {
        int exit = run("--files", "1", "--too-many-requests", "0.7", "--bad-gateway", "0.5");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("at most 1");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void injects429And502AndDropsInOneRunAndTheComponentStillStoresEachFileOnce() throws Exception {
        int exit = run("--files", "40", "--size", "2KB", "--concurrency", "4", "--latency-ms", "0", "--warmup", "0",
                "--uploaders", "component", "--too-many-requests", "0.3", "--bad-gateway", "0.05", "--drops", "0.02",
                "--retry-after", "0", "--component-options", "maxRetries=20&retryInitialDelay=5&retryMaxDelay=20");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode component = new ObjectMapper().readTree(out.toString().strip()).get("component");
        assertThat(component.get("stored").asInt()).isEqualTo(40);
        assertThat(component.get("duplicates").asInt()).isZero();
        assertThat(component.get("failures").asInt()).isZero();
        assertThat(component.get("retries").asInt()).as("about a third of the requests failed first").isGreaterThan(5);
    }
}
