package io.camelparadigm.examples.uploader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.examples.testsupport.Eventually;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow route of {@link FolderUploadRoutes} against the emulator on a manual clock: a final status is reported
 * once the service's clock (its {@code Date} header, whole seconds) is the follower's overlap past it.
 */
class ProcessingFollowerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = new ParadigmEmulatorExtension();

    @TempDir
    Path folder;

    @Test
    void aFinalStatusIsReportedHalfASecondBehindTheServicesClock() throws Exception {
        // the service's clock (its Date header) is whole seconds: a document becomes final 0.05 s into a second,
        // another 0.9 s into the next one
        Instant start = PARADIGM.now();
        PARADIGM.advance(Duration.between(start, start.truncatedTo(ChronoUnit.SECONDS).plusMillis(1_050)));
        long early = PARADIGM.seedFile(SeedFile.builder(PARADIGM.workspaceId(), "early.pdf").build());
        PARADIGM.advance(Duration.ofMillis(1_850));
        long late = PARADIGM.seedFile(SeedFile.builder(PARADIGM.workspaceId(), "late.pdf").build());
        UploadProgress progress = new UploadProgress(Clock.systemUTC(), 1, externalId -> null);
        UploaderSettings settings = UploaderSettings.from(name -> Optional.ofNullable(Map.of(
                UploaderSettings.FILES_DIR, folder.toString(), UploaderSettings.POLL_INTERVAL, "PT0.1S").get(name)));
        try (UploadStateFile state = UploadStateFile.open(folder.resolve("state"), "test");
             DefaultCamelContext context = new DefaultCamelContext()) {
            ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
            paradigm.getConfiguration().setBaseUrl(PARADIGM.baseUrl());
            paradigm.getConfiguration().setApiKey(PARADIGM.apiKey());
            context.addRoutes(new FolderUploadRoutes(settings, PARADIGM.workspaceId(), progress, state, null));
            context.start();
            context.getRouteController().startRoute(FolderUploadRoutes.FOLLOW_ROUTE);
            progress.uploaded("early.pdf", early, null, "pending", null);
            progress.uploaded("late.pdf", late, null, "pending", null);
            // the consumer starts from the service's clock in its first answer: the documents must become final after
            // it, so wait for the second poll, which is sent once the first answer was read
            Eventually.await("the follower's first answer", TIMEOUT, () -> PARADIGM.requests().size() >= 2);
            PARADIGM.completeAll();
            Instant lateFinal = PARADIGM.now();
            assertThat(lateFinal.truncatedTo(ChronoUnit.MILLIS))
                    .isEqualTo(lateFinal.truncatedTo(ChronoUnit.SECONDS).plusMillis(900));

            // the service's clock (whole seconds) 1.95 s past the early one, 0.1 s past the late one; the follower takes
            // off a poll's round trip too, so the early one is listed by the first poll that took less than 1.45 s
            // (a poll on a loaded machine took more than the 0.45 s an early one in the same second left)
            PARADIGM.advance(Duration.between(lateFinal, lateFinal.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1)));
            try {
                Eventually.await("the early document reported", TIMEOUT, () -> progress.stillProcessing() < 2);
            } catch (AssertionError e) {
                // timed out twice on loaded machines with the two documents in the same second: say whether the
                // follower still polled, and when
                List<RecordedRequest> requests = PARADIGM.requests();
                throw new AssertionError(e.getMessage() + "; " + requests.size() + " requests, the last ones: "
                                         + requests.subList(Math.max(0, requests.size() - 3), requests.size()), e);
            }
            assertThat(progress.someStillProcessing(10)).as("the late one is within the overlap").containsExactly(late);

            PARADIGM.advance(Duration.ofSeconds(2));
            Eventually.await("the late document reported", TIMEOUT, () -> progress.stillProcessing() == 0);
            assertThat(progress.summary().processedByStatus()).containsEntry("embedded", 2L);
        }
    }
}
