package io.camelparadigm.examples;

import picocli.CommandLine;

/**
 * {@code java -jar paradigm-uploader.jar --files-dir <folder> [options]}: the folder uploader (see
 * {@link UploaderCommand} for the options, {@code --help} for the list).
 */
public final class ParadigmUploaderApp {

    private ParadigmUploaderApp() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit status (0 all processed, 1 failures, 2 bad settings). */
    public static int run(String... args) {
        return new CommandLine(new UploaderCommand(System.out)).execute(args);
    }
}
