package io.camelparadigm.examples.uploader;

/**
 * In the second JVM ({@link UploaderJvm}): ends it at once when the JVM that started it is gone ({@code kill -9}
 * cannot be caught there), so that no orphan goes on uploading beside a run started again. What was in flight is
 * then in the state file's journal, as after a {@code kill -9} of a single JVM.
 */
public final class LauncherWatch {

    /**
     * A check of /proc, ten times a second. Not {@code ProcessHandle.onExit()}: for a process that is not its child
     * the JDK polls too, every 300 ms at first and 30 ms more each time up to 5 s (JDK 17's
     * {@code ProcessHandleImpl.completion}); watching the parent that way, a {@code kill -9} after 30 s was noticed
     * 1.2 s later, after a few minutes it would be 5 s of uploads by an orphan.
     */
    private static final long CHECK_MILLIS = 100;

    private LauncherWatch() {
    }

    /** Starts watching when this is the second JVM; does nothing otherwise. */
    public static void start() {
        String launcherPid = System.getProperty(UploaderJvm.LAUNCHER_PID);
        if (launcherPid == null) {
            return;
        }
        long launcher = Long.parseLong(launcherPid);
        Thread watch = new Thread(() -> {
            while (isParent(launcher)) {
                try {
                    Thread.sleep(CHECK_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.err.println("Stopped: the uploader's launching process (pid " + launcher + ") ended.");
            killThisProcess();
        }, "paradigm-uploader-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * As {@code kill -9} would: {@code Runtime.halt} first writes a class-data archive the JVM was told to write at
     * exit, seconds during which the uploads would go on.
     */
    private static void killThisProcess() {
        try {
            new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid())).start()
                    .waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.io.IOException e) {
            // no kill command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(137);
    }

    private static boolean isParent(long pid) {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid;
    }
}
