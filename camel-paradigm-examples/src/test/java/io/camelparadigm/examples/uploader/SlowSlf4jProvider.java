package io.camelparadigm.examples.uploader;

import java.util.concurrent.CountDownLatch;

import org.apache.logging.slf4j.SLF4JServiceProvider;

/**
 * The uploader's SLF4J binding (log4j2), slow to set up, and saying when it started: SLF4J is being initialised
 * meanwhile, which in a cold JVM takes a few tenths of a second of class loading.
 */
public class SlowSlf4jProvider extends SLF4JServiceProvider {

    static final CountDownLatch ENTERED = new CountDownLatch(1);

    @Override
    public void initialize() {
        ENTERED.countDown();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.initialize();
    }
}
