package io.camelparadigm.examples.uploader;

import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;

/** Run in a JVM of its own by {@link UploaderWarmUpTest}: a logger asked for by the job while the warm-up sets up logging. */
public final class WarmUpLoggingProbe {

    private WarmUpLoggingProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        UploaderWarmUp.start();
        if (!SlowSlf4jProvider.ENTERED.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the warm-up never set up logging");
        }
        UploaderWarmUp.awaitLogging(); // what FolderUploadJob does before Camel's first logger
        LoggerFactory.getLogger("probe").error("logged after the warm-up");
    }
}
