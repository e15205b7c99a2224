package io.camelparadigm.examples.uploader;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link UploadStateFileTest}: marks N keys (odd ones started, even ones done), prints
 * WRITTEN and waits to be killed without closing the state file.
 */
public final class StateWriterProbe {

    private StateWriterProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        UploadStateFile state = UploadStateFile.open(Path.of(args[0]), args[1]);
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            state.started("file-" + i);
            if (i % 2 == 0) {
                state.done("file-" + i);
            }
        }
        System.out.println("WRITTEN");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
