package io.camelparadigm.examples.uploader;

/** How the progress is shown. */
public enum ProgressMode {
    /** A bar when the output is a terminal, lines otherwise. */
    auto,
    /** A bar redrawn in place. */
    bar,
    /** One plain line each time the counters change. */
    lines;

    public boolean bar() {
        return this == bar || this == auto && System.console() != null;
    }
}
