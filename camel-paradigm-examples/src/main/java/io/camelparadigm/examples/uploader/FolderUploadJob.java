package io.camelparadigm.examples.uploader;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.examples.embedded.ParadigmConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.LRUCacheFactory;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * One run of the folder uploader as a camel-main application: reads the settings from Camel's properties
 * (command-line overrides, {@code application.properties}, system properties, environment), connects to Paradigm or
 * starts the embedded emulator, runs {@link FolderUploadRoutes}, shows the progress, waits until every document is
 * processed, prints the summary and stops.
 */
public final class FolderUploadJob {

    /** The state file keeps every key in memory too: a cache miss would re-read the whole file. */
    private static final int STATE_CACHE_SIZE = 1_000_000;
    /** How long an interrupted run waits for the answers of the uploads in flight. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final PrintStream out;
    private final ProgressMode progressMode;
    private UploaderSettings settings;
    private ParadigmConnection connection;
    private String commandLineKey;
    private UploadProgress progress;
    private ProgressPrinter printer;

    public FolderUploadJob(PrintStream out, ProgressMode progressMode) {
        this.out = out;
        this.progressMode = progressMode;
    }

    /**
     * @param overrides Camel properties that win over every other source (the command-line options)
     * @return the exit status: 0 every document processed, 1 failures or unfinished processing, 2 bad settings
     */
    public int run(Map<String, String> overrides) {
        Main main = new Main();
        // Ctrl-C is this job's to handle (stopUploading): camel-main's own hook would wait for a run loop we do not use
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        // the key stays out of Camel's properties, which camel-main and the dev consoles print as written
        commandLineKey = overrides.get(ParadigmConnection.API_KEY);
        overrides.forEach((name, value) -> {
            if (!name.equals(ParadigmConnection.API_KEY)) {
                main.addOverrideProperty(name, value);
            }
        });
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                prepare(getContext());
                getContext().addRoutes(
                        new FolderUploadRoutes(settings, connection.workspaceId(), progress, stateRepository()));
            }
        });
        try {
            main.start();
        } catch (Exception e) {
            closeConnection();
            IllegalArgumentException badSetting = settingProblem(e);
            if (badSetting == null) {
                throw new IllegalStateException("The uploader could not start: " + e.getMessage(), e);
            }
            out.println("Error: " + badSetting.getMessage());
            return 2;
        }
        try {
            return uploadAndReport(main);
        } finally {
            main.stop();
            closeConnection();
        }
    }

    private void prepare(CamelContext context) {
        Function<String, Optional<String>> properties = context.getPropertiesComponent()::resolveProperty;
        settings = UploaderSettings.from(properties);
        connection = ParadigmConnection.resolve(name -> name.equals(ParadigmConnection.API_KEY) && commandLineKey != null
                ? Optional.of(commandLineKey) : properties.apply(name));
        out.println(connection.describe());
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(connection.baseUrl());
        paradigm.getConfiguration().setApiKey(connection.apiKey());
        paradigm.setMaxConnections(Math.max(paradigm.getMaxConnections(), settings.concurrency() + 2));
        progress = new UploadProgress(Clock.systemUTC(), settings.maxFails());
    }

    private IdempotentRepository stateRepository() {
        if (settings.stateFile() == null) {
            return MemoryIdempotentRepository.memoryIdempotentRepository();
        }
        FileIdempotentRepository repository = (FileIdempotentRepository) FileIdempotentRepository
                .fileIdempotentRepository(settings.stateFile().toFile(), LRUCacheFactory.newLRUCache(STATE_CACHE_SIZE));
        // never drop old keys: a dropped key would be uploaded again
        repository.setMaxFileStoreSize(0);
        return repository;
    }

    private int uploadAndReport(Main main) {
        out.println("Uploading " + settings.filesDir().toAbsolutePath().normalize() + " with up to "
                    + settings.concurrency() + " concurrent uploads" + (settings.stateFile() == null ? ""
                : ", state file " + settings.stateFile()) + ".");
        printer = new ProgressPrinter(progress::snapshot, out, progressMode.bar(),
                progressMode.bar() ? Duration.ofMillis(250) : Duration.ofSeconds(2));
        Thread onInterrupt = new Thread(this::stopUploading, "paradigm-uploader-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        boolean finished;
        try {
            printer.start();
            main.getCamelTemplate().sendBody("direct:upload-folder", null);
            finished = progress.awaitFinished(settings.processingTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } catch (Exception e) {
            throw new IllegalStateException("The upload run failed: " + e.getMessage(), e);
        }
        if (progress.isInterrupted()) {
            waitForTheJvmToEnd();
        }
        removeShutdownHook(onInterrupt);
        printer.close();
        out.print(SummaryReport.format(progress.summary()));
        if (!finished) {
            out.println("Stopped following processing after " + settings.processingTimeout() + ".");
        }
        return finished && !progress.hasFailures() ? 0 : 1;
    }

    /**
     * Ctrl-C or a kill: start no new upload, let those in flight get their answer (so that the state file records
     * them), then say how to resume. Documents still processing are not followed.
     */
    private void stopUploading() {
        progress.interrupt();
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (progress.uploading() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        printer.close();
        out.print(SummaryReport.format(progress.summary()));
        out.println("Interrupted. Run again with the same --state-file to upload only what is missing.");
        out.flush();
    }

    /** The shutdown hook reports an interrupted run; this thread only waits for the JVM to halt. */
    private static void waitForTheJvmToEnd() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it reports
        }
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
        }
    }

    private static IllegalArgumentException settingProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException badSetting) {
                return badSetting;
            }
        }
        return null;
    }
}
