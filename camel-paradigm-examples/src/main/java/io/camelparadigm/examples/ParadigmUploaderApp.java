package io.camelparadigm.examples;

import java.util.Optional;

import io.camelparadigm.examples.uploader.LauncherWatch;
import io.camelparadigm.examples.uploader.SecondJvm;
import io.camelparadigm.examples.uploader.UploaderJvm;
import io.camelparadigm.examples.uploader.UploaderWarmUp;
import picocli.CommandLine;

/**
 * {@code java -jar paradigm-uploader.jar --files-dir <folder> [options]}: the folder uploader (see
 * {@link UploaderCommand} for the options, {@code --help} for the list). It runs the upload in a second JVM started
 * with the options a short upload run needs ({@link UploaderJvm}).
 */
public final class ParadigmUploaderApp {

    private ParadigmUploaderApp() {
    }

    public static void main(String[] args) {
        LauncherWatch.start();
        Optional<Integer> secondJvm = UploaderJvm.relaunchWanted(args) ? SecondJvm.run(args) : Optional.empty();
        System.exit(secondJvm.orElseGet(() -> runHere(args, UploaderWarmUp::start)));
    }

    /** Runs the command in this JVM, warming up first unless the command line only asks for the help or the version. */
    static int runHere(String[] args, Runnable warmUp) {
        if (!UploaderJvm.onlyPrints(args)) {
            warmUp.run();
        }
        return run(args);
    }

    /** Runs the command and returns its exit status (0 all processed, 1 failures, 2 bad settings). */
    public static int run(String... args) {
        return new CommandLine(new UploaderCommand(System.out)).execute(args);
    }
}
