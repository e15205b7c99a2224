package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the upload in the second JVM ({@link UploaderJvm}) and stands for it: the second JVM shares this one's
 * standard input, output and error, and this one exits with its exit status. A signal that would have stopped the
 * upload in this JVM is passed on to the second one, which stops as it always did (no new upload, the summary, then
 * exit 130 after SIGINT, 143 after SIGTERM), and this one ends with it; Ctrl-C in a terminal reaches both, the
 * second JVM once more changes nothing. If this one is killed with {@code kill -9}, the second one ends at once
 * ({@link LauncherWatch}).
 */
public final class SecondJvm {

    /** How long a stopped launcher waits for the second JVM's summary before ending it (it waits 30 s for uploads). */
    private static final long STOP_WAIT_SECONDS = 60;

    private SecondJvm() {
    }

    /**
     * @return the second JVM's exit status, or empty when the upload should run in this JVM (see {@link UploaderJvm})
     */
    public static Optional<Integer> run(String[] args) {
        UploaderJvm.Launch launch = UploaderJvm.Launch.current();
        Optional<ClassDataArchive> archive = StateDir.beforeCamel(launch.systemProperty(), launch.environment(),
                Path.of("")).flatMap(stateDir -> ClassDataArchive.of(stateDir, launch.systemProperty(),
                launch.pid()));
        Optional<List<String>> command = UploaderJvm.command(launch, args, archive);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command.get()).inheritIO();
        UploaderJvm.prepareEnvironment(builder.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Optional.empty(); // no java command beside this JVM: run here
        }
        passOn("INT", process);
        passOn("TERM", process);
        // any other way out of this JVM (SIGHUP, a closed terminal): stop the second one too and take its status
        Thread stop = new Thread(() -> {
            process.destroy();
            Runtime.getRuntime().halt(awaitStatus(process, STOP_WAIT_SECONDS));
        }, "paradigm-uploader-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = awaitStatus(process, Long.MAX_VALUE);
        archive.ifPresent(classData -> classData.settle(status));
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook ends this JVM with the same status
        }
        return Optional.of(status);
    }

    /** Handles the signal here by sending it to the second JVM: this one goes on waiting for it. */
    private static void passOn(String name, Process process) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> send(name, process));
        } catch (IllegalArgumentException | UnsupportedOperationException notHere) {
            // no such signal on this system: the shutdown hook stops the second JVM
        }
    }

    private static void send(String signal, Process process) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            // no kill command: SIGTERM below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }

    private static int awaitStatus(Process process, long seconds) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (process.waitFor(seconds, TimeUnit.SECONDS)) {
                        return process.exitValue();
                    }
                    process.destroyForcibly();
                    seconds = Long.MAX_VALUE;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
