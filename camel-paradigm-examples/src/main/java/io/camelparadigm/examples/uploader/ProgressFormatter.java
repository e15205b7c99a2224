package io.camelparadigm.examples.uploader;

import java.time.Duration;
import java.util.Locale;

/** Renders a {@link ProgressSnapshot} as a progress bar (terminals) or as a plain log line (pipes, CI logs). */
public final class ProgressFormatter {

    private final int barWidth;

    public ProgressFormatter(int barWidth) {
        this.barWidth = barWidth;
    }

    public String bar(ProgressSnapshot snapshot) {
        int filled = snapshot.selected() <= 0 ? 0
                : (int) Math.min(barWidth, (long) barWidth * snapshot.settled() / snapshot.selected());
        return "[" + "#".repeat(filled) + ".".repeat(barWidth - filled) + "] " + share(snapshot) + " | "
               + counters(snapshot) + " | " + speed(snapshot);
    }

    public String line(ProgressSnapshot snapshot) {
        return "progress " + share(snapshot) + ": " + counters(snapshot) + "; " + speed(snapshot);
    }

    /** {@code 12% 240/2000}, or {@code 240 of ? (counting)} while the total is not known yet. */
    private static String share(ProgressSnapshot snapshot) {
        return snapshot.counted()
                ? String.format(Locale.ROOT, "%d/%d (%d%%)", snapshot.settled(), snapshot.selected(), snapshot.percent())
                : snapshot.settled() + "/? (counting files)";
    }

    private static String counters(ProgressSnapshot snapshot) {
        return "done " + snapshot.done() + ", failed " + snapshot.failed() + ", skipped " + snapshot.skipped()
               + ", in flight " + snapshot.inFlight() + (snapshot.counted() ? ", queued " + snapshot.queued() : "");
    }

    private static String speed(ProgressSnapshot snapshot) {
        return String.format(Locale.ROOT, "%.1f files/s, ETA %s", snapshot.perSecond(),
                snapshot.eta() == null ? "--:--" : clock(snapshot.eta()));
    }

    /** m:ss below an hour, h:mm:ss above. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                         : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
