package io.camelparadigm.examples.uploader;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressOutputTest {

    private static final ProgressSnapshot HALF_WAY =
            new ProgressSnapshot(20, 8, 1, 1, 5, Duration.ofSeconds(30), 0.3, Duration.ofSeconds(33));

    @Test
    void barShowsTheShareSettledTheCountersTheRateAndTheEta() {
        String bar = new ProgressFormatter(10).bar(HALF_WAY);

        assertThat(bar).startsWith("[#####.....] 10/20 (50%)");
        assertThat(bar).contains("done 8, failed 1, skipped 1, in flight 5, queued 5");
        assertThat(bar).endsWith("0.3 files/s, ETA 0:33");
    }

    @Test
    void lineCarriesTheSameFiguresWithoutABar() {
        assertThat(new ProgressFormatter(10).line(HALF_WAY)).isEqualTo(
                "progress 10/20 (50%): done 8, failed 1, skipped 1, in flight 5, queued 5; 0.3 files/s, ETA 0:33");
    }

    @Test
    void whileTheFolderIsBeingCountedThereIsNoTotalNoQueueAndNoEta() {
        ProgressSnapshot counting = new ProgressSnapshot(-1, 3, 0, 2, 10, Duration.ofSeconds(2), 2.5, null);

        assertThat(new ProgressFormatter(10).line(counting)).isEqualTo(
                "progress 5/? (counting files): done 3, failed 0, skipped 2, in flight 10; 2.5 files/s, ETA --:--");
        assertThat(new ProgressFormatter(10).bar(counting)).startsWith("[..........] 5/? (counting files)");
    }

    @Test
    void clockShowsHoursOnlyWhenNeeded() {
        assertThat(ProgressFormatter.clock(Duration.ofSeconds(75))).isEqualTo("1:15");
        assertThat(ProgressFormatter.clock(Duration.ofSeconds(3 * 3600 + 61))).isEqualTo("3:01:01");
    }

    @Test
    void plainOutputPrintsALineOnlyOnceSomethingHappenedAndWhenTheCountersChanged() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicReference<ProgressSnapshot> current = new AtomicReference<>(
                new ProgressSnapshot(-1, 0, 0, 0, 0, Duration.ofSeconds(1), 0, null));
        ProgressPrinter printer = new ProgressPrinter(current::get, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false, Duration.ofHours(1));

        printer.print();
        current.set(new ProgressSnapshot(2, 0, 0, 0, 2, Duration.ofSeconds(1), 0, null));
        printer.print();
        current.set(new ProgressSnapshot(2, 0, 0, 0, 2, Duration.ofSeconds(2), 0, null));
        printer.print();
        current.set(new ProgressSnapshot(2, 1, 0, 0, 1, Duration.ofSeconds(3), 0.3, Duration.ofSeconds(3)));
        printer.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "progress 0/2 (0%): done 0, failed 0, skipped 0, in flight 2, queued 0; 0.0 files/s, ETA --:--",
                "progress 1/2 (50%): done 1, failed 0, skipped 0, in flight 1, queued 0; 0.3 files/s, ETA 0:03");
    }

    @Test
    void terminalOutputRedrawsTheBarInPlaceAndEndsTheLineWhenClosed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressPrinter printer = new ProgressPrinter(() -> HALF_WAY, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true, Duration.ofHours(1));

        printer.print();
        printer.close();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").doesNotContain("progress ");
        assertThat(text.split("\r", -1)).hasSize(3);
        assertThat(text).endsWith(System.lineSeparator());
    }
}
