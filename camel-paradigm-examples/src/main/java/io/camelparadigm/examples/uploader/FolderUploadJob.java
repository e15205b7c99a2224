package io.camelparadigm.examples.uploader;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.component.paradigm.model.Workspace;
import io.camelparadigm.examples.embedded.ParadigmConnection;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.main.SimpleMainShutdownStrategy;

/**
 * One run of the folder uploader as a camel-main application: reads the settings from the command line, then from
 * Camel's properties (environment, system properties, {@code application.properties}), connects to Paradigm
 * (checking the key and the workspace with one request) or starts the embedded emulator, opens the state file,
 * runs {@link FolderUploadRoutes}, shows the progress, waits until every document is processed, prints the
 * summary and stops.
 */
public final class FolderUploadJob {

    /** How a run ended. */
    enum Ending {
        /** Every file handled and every uploaded document final. */
        COMPLETED,
        /** Documents were still processing after {@code --processing-timeout}. */
        TIMED_OUT,
        /** Ctrl-C or a kill. */
        INTERRUPTED,
        /** The heap ran out. */
        OUT_OF_MEMORY,
        /** An unexpected error stopped the run. */
        FAILED
    }

    /** How long a stopped run waits for the answers of the uploads in flight. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Documents checked one by one when no final status arrived for a while. */
    private static final int RECONCILE_BATCH = 50;
    /** Freed when the heap runs out, so that the run can still report and stop. */
    private static final int MEMORY_RESERVE_BYTES = 4 * 1024 * 1024;
    private static final Duration STATE_FORCE_INTERVAL = Duration.ofSeconds(5);

    private final PrintStream out;
    private final ProgressMode progressMode;
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile byte[] memoryReserve;
    private IllegalArgumentException badSetting;
    private UploaderSettings settings;
    private ParadigmConnection connection;
    /** The command-line options: they win over every other source, which Camel's override properties do not. */
    private Map<String, String> commandLine = Map.of();
    private StateFileLocation stateLocation;
    private UploadStateFile state;
    private UploadProgress progress;
    private SyncPlan plan;
    private FolderUploadRoutes routes;
    /** The workspace as the key check found it ("102 (Name)"), or its id alone when not checked (embedded). */
    private String workspace;
    private ProgressPrinter printer;

    public FolderUploadJob(PrintStream out, ProgressMode progressMode) {
        this.out = out;
        this.progressMode = progressMode;
    }

    /**
     * @param overrides Camel properties that win over every other source (the command-line options)
     * @return the exit status: 0 every document processed, 1 failures or unfinished processing, 2 bad settings,
     *         3 the run could not go on (out of memory, unexpected error), 130 interrupted
     */
    public int run(Map<String, String> overrides) {
        memoryReserve = new byte[MEMORY_RESERVE_BYTES];
        UploaderWarmUp.start();
        UploaderWarmUp.awaitLogging();
        Main main = new Main();
        // Ctrl-C is this job's to handle (onSignal): camel-main's own hook would wait for a run loop we do not use
        main.setShutdownStrategy(new SimpleMainShutdownStrategy());
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        commandLine = overrides;
        // the key stays out of Camel's properties, which camel-main and the dev consoles print as written
        overrides.forEach((name, value) -> {
            if (!name.equals(ParadigmConnection.API_KEY)) {
                main.addOverrideProperty(name, value);
            }
        });
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                if (prepare(getContext())) {
                    routes = new FolderUploadRoutes(settings, connection.workspaceId(), progress, state, plan);
                    getContext().addRoutes(routes);
                }
            }
        });
        try {
            main.start();
            if (badSetting != null) {
                out.println("Error: " + badSetting.getMessage());
                return 2;
            }
            return uploadAndReport(main);
        } catch (OutOfMemoryError e) {
            memoryReserve = null;
            out.println("Error: out of memory before the uploads started (maximum heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB): give the uploader more, e.g. "
                        + "java -Xmx256m -jar paradigm-uploader.jar ...");
            return 3;
        } catch (Exception e) {
            out.println("Error: the uploader could not start: " + e.getMessage());
            return 3;
        } finally {
            stopCamel(main);
            close();
        }
    }

    /** Reads the settings and opens what the routes need; false (and {@link #badSetting}) when a setting is wrong. */
    private boolean prepare(CamelContext context) {
        try {
            // Camel looks up an environment variable or a system property before an override property
            Function<String, Optional<String>> properties = name -> commandLine.containsKey(name)
                    ? Optional.ofNullable(commandLine.get(name)) : context.getPropertiesComponent().resolveProperty(name);
            settings = UploaderSettings.from(properties);
            connection = ParadigmConnection.resolve(properties);
            workspace = String.valueOf(connection.workspaceId());
            out.println(connection.describe());
            ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
            paradigm.getConfiguration().setBaseUrl(connection.baseUrl());
            paradigm.getConfiguration().setApiKey(connection.apiKey());
            paradigm.setMaxConnections(Math.max(paradigm.getMaxConnections(), settings.concurrency() + 2));
            // every endpoint of a key shares one adaptive limit, made by the first request (the key check): set on an
            // endpoint, the batch size would be ignored and the uploads would start at the default 10
            paradigm.getConfiguration().setInitialConcurrency(settings.concurrency());
            stateLocation = StateFileLocation.of(settings, connection.baseUrl(), connection.workspaceId(),
                    connection.isEmbedded());
            state = UploadStateFile.open(stateLocation.path(), stateLocation.identity());
            if (settings.sync()) {
                state.beginRun();
            }
            plan = settings.dryRun() ? new SyncPlan() : null;
            progress = new UploadProgress(Clock.systemUTC(), settings.maxFails(), relativePathOf(settings.filesDir()));
            context.getShutdownStrategy().setTimeout(10);
            context.getShutdownStrategy().setShutdownNowOnTimeout(true);
            return true;
        } catch (IllegalArgumentException e) {
            badSetting = e;
            return false;
        }
    }

    private int uploadAndReport(Main main) throws Exception {
        out.println((settings.dryRun() ? "Planning a sync of " + settings.filesDir().toAbsolutePath().normalize()
                     : (settings.sync() ? "Syncing " : "Uploading ") + settings.filesDir().toAbsolutePath().normalize()
                       + " with up to " + settings.concurrency() + " concurrent uploads")
                    + (stateLocation.temporary() ? "" : "; state file " + stateLocation.path()) + ".");
        ProducerTemplate template = main.getCamelTemplate();
        if (!connection.isEmbedded()) {
            String problem = checkKeyAndWorkspace(template);
            if (problem != null) {
                out.println("Error: " + problem);
                return 2;
            }
        }
        main.getCamelContext().getRouteController().startRoute(FolderUploadRoutes.FOLLOW_ROUTE);
        Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (UploadSteps.isOutOfMemory(failure)) {
                outOfMemory();
            } else if (previousHandler != null) {
                previousHandler.uncaughtException(thread, failure);
            } else {
                failure.printStackTrace();
            }
        });
        Thread onSignal = new Thread(this::onSignal, "paradigm-uploader-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        ScheduledExecutorService stateWriter = Executors.newSingleThreadScheduledExecutor(daemon("state-writer"));
        stateWriter.scheduleWithFixedDelay(state::force, STATE_FORCE_INTERVAL.toMillis(),
                STATE_FORCE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        printer = new ProgressPrinter(progress::snapshot, out, progressMode.bar(),
                progressMode.bar() ? Duration.ofMillis(250) : Duration.ofSeconds(2));
        Ending ending;
        try {
            countFilesAhead();
            printer.start();
            template.sendBody("direct:upload-folder", null);
            if (settings.deleteMissing()) {
                progress.awaitUploadsFinished();
                if (!progress.isStopping()) {
                    new MissingDocuments(state, progress, plan, settings.filesDir(), template).deleteAll();
                }
            }
            ending = awaitEnd(template);
        } catch (Throwable failure) {
            if (UploadSteps.isOutOfMemory(failure)) {
                outOfMemory();
                ending = Ending.OUT_OF_MEMORY;
            } else {
                progress.interrupt();
                out.println("Error: the run stopped: " + UploadSteps.reason(rootCause(failure)));
                ending = Ending.FAILED;
            }
        }
        if (progress.isStopping()) {
            awaitUploadsInFlight();
        }
        stateWriter.shutdownNow();
        printer.close();
        UploadProgress.Summary summary = progress.summary();
        if (plan != null) {
            out.print(plan.format(settings.deleteMissing()));
        } else {
            out.print(SummaryReport.format(summary, settings.sync()));
        }
        out.println(plan != null && ending == Ending.COMPLETED
                ? "Dry run: nothing was changed in Paradigm. Run the same command without --dry-run to apply the plan."
                : conclusion(ending, summary));
        out.flush();
        state.close();
        reported.countDown();
        removeShutdownHook(onSignal);
        Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        return exitStatus(ending, summary);
    }

    /** One request before any upload: a wrong key or workspace is one clear error, not a run of failed uploads. */
    private String checkKeyAndWorkspace(ProducerTemplate template) {
        List<?> workspaces;
        try {
            workspaces = template.requestBody("paradigm:listWorkspaces", null, List.class);
        } catch (RuntimeException e) {
            Throwable cause = rootCause(e);
            boolean refused = cause instanceof ParadigmApiException api
                              && (api.getHttpStatus() == 401 || api.getHttpStatus() == 403);
            return (refused ? "Paradigm at " + connection.baseUrl() + " did not accept the API key: "
                            : "Cannot check the key and the workspace at " + connection.baseUrl() + ": ")
                   + UploadSteps.reason(cause);
        }
        long workspaceId = connection.workspaceId();
        Optional<Workspace> chosen = workspaces.stream().filter(Workspace.class::isInstance).map(Workspace.class::cast)
                .filter(candidate -> candidate.id() == workspaceId).findFirst();
        if (chosen.isPresent()) {
            workspace = workspaceId + " (" + chosen.get().name() + ")";
            return null;
        }
        String visible = workspaces.stream().filter(Workspace.class::isInstance).map(Workspace.class::cast).limit(10)
                .map(workspace -> workspace.id() + " (" + workspace.name() + ")").collect(Collectors.joining(", "));
        return "--workspace-id " + workspaceId + ": the API key cannot see this workspace at " + connection.baseUrl()
               + (visible.isEmpty() ? "; it sees none" : "; it sees " + visible);
    }

    /** Counts the selected files on another thread, for the percentage and the ETA; the uploads do not wait. */
    private void countFilesAhead() {
        DoneFolders doneFolders = DoneFolders.forRun(state, settings.sync());
        Thread counter = new Thread(() -> {
            long[] selectedAndExcluded = new long[2];
            try {
                boolean complete = settings.scanner().scan(settings.filesDir(), new FolderScanner.Listener() {
                    @Override
                    public void upload(ScannedFile file) {
                        selectedAndExcluded[0]++;
                    }

                    @Override
                    public void skipped(String relativePath, SkipReason reason) {
                        selectedAndExcluded[0]++;
                    }

                    @Override
                    public void excluded() {
                        selectedAndExcluded[1]++;
                    }

                    @Override
                    public boolean stop() {
                        return progress.isStopping();
                    }

                    @Override
                    public boolean skipFolder(String relativeDir, long modified) {
                        long files = doneFolders.doneFiles(relativeDir, modified);
                        selectedAndExcluded[0] += Math.max(0, files);
                        return files >= 0;
                    }
                });
                if (complete) {
                    progress.counted(selectedAndExcluded[0], selectedAndExcluded[1]);
                }
            } catch (RuntimeException e) {
                // the upload walk reports the same problem
            }
        }, "paradigm-uploader-count");
        counter.setDaemon(true);
        counter.start();
    }

    /**
     * Waits until every document is final, the run is stopped, or processing outlasts {@code --processing-timeout}
     * after the last upload. When no document settled for a while, it asks Paradigm directly about some of those
     * still processing, so that a status change the event consumer missed cannot make the run wait for ever.
     */
    private Ending awaitEnd(ProducerTemplate template) throws InterruptedException {
        Duration quiet = settings.pollInterval().multipliedBy(3).compareTo(Duration.ofSeconds(2)) < 0
                ? Duration.ofSeconds(2) : settings.pollInterval().multipliedBy(3);
        Instant uploadsDoneAt = null;
        while (true) {
            if (progress.awaitFinished(quiet)) {
                return progress.isOutOfMemory() ? Ending.OUT_OF_MEMORY
                        : progress.isStopping() ? Ending.INTERRUPTED : Ending.COMPLETED;
            }
            if (!progress.uploadsFinished()) {
                continue;
            }
            if (uploadsDoneAt == null) {
                uploadsDoneAt = Instant.now();
            }
            if (progress.sinceLastChange().compareTo(quiet) >= 0) {
                checkStillProcessing(template);
            }
            if (Duration.between(uploadsDoneAt, Instant.now()).compareTo(settings.processingTimeout()) >= 0) {
                checkStillProcessing(template);
                return progress.isFinished() ? Ending.COMPLETED : Ending.TIMED_OUT;
            }
        }
    }

    /**
     * Asks Paradigm about the documents still processing: one by one when there are few, else by listing the final
     * documents of their upload sessions. Errors are left for the next time; the timeout still ends the wait. A stop
     * (Ctrl-C) ends it between two requests: the shutdown hook waits for the summary only so long.
     */
    private void checkStillProcessing(ProducerTemplate template) {
        if (progress.stillProcessing() <= RECONCILE_BATCH) {
            for (long fileId : progress.someStillProcessing(RECONCILE_BATCH)) {
                if (progress.isStopping()) {
                    return;
                }
                try {
                    settle(template.requestBodyAndHeader("paradigm:getFile", null, ParadigmConstants.FILE_ID, fileId,
                            ParadigmFile.class));
                } catch (RuntimeException e) {
                    // asked again next time
                }
            }
            return;
        }
        String finalOfSession = "paradigm:listFiles?workspaceId=" + connection.workspaceId()
                                + "&status=" + ProcessingFollower.FINAL_STATUSES + "&pageSize=100&streamResults=true";
        for (String session : progress.sessionsStillProcessing()) {
            if (progress.isStopping()) {
                return;
            }
            try {
                Iterator<?> files = template.requestBodyAndHeader(finalOfSession, null,
                        ParadigmConstants.FILTER_UPLOAD_SESSION_UUID, session, Iterator.class);
                files.forEachRemaining(file -> settle((ParadigmFile) file));
            } catch (RuntimeException e) {
                // listed again next time
            }
        }
    }

    private void settle(ParadigmFile file) {
        progress.statusChanged(file.id(), file.status(), file.statusDetail(), file.externalId(),
                file.uploadSessionUuid());
    }

    /** Ctrl-C or a kill: no new upload starts; the run reports (see {@link #uploadAndReport}), then the JVM ends. */
    private void onSignal() {
        progress.interrupt();
        try {
            reported.await(STOP_GRACE.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitUploadsInFlight() {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (progress.uploading() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void outOfMemory() {
        memoryReserve = null;
        progress.outOfMemory();
    }

    private String conclusion(Ending ending, UploadProgress.Summary summary) {
        String resume = stateLocation.temporary() ? ""
                : " Run the same command again to upload only what is missing (state file " + stateLocation.path() + ").";
        long gone = summary.deleted() + summary.alreadyDeleted();
        String refusal = routes.workspaceRefusal();
        if (refusal != null) {
            return "Error: --workspace-id " + workspace + ": the API key can see this workspace but may not upload to it ("
                   + refusal + "). Use a key with the editor or owner role in this workspace, or "
                   + "another --workspace-id.";
        }
        return switch (ending) {
            case COMPLETED -> summary.hasFailures() ? "Finished with failures: see above."
                    : summary.uploaded() + summary.replaced() > 0 ? "Every uploaded document is processed."
                    : gone > 0 ? "Nothing to upload or replace; the documents of " + gone
                                 + " files gone from the folder are deleted."
                    : summary.selected() == 0 ? "No file to upload in this folder."
                    : "Nothing to upload: every selected file was skipped.";
            case TIMED_OUT -> "Stopped following processing after " + ProgressFormatter.clock(settings.processingTimeout())
                              + ": " + summary.stillProcessing() + " documents still processing.";
            case INTERRUPTED -> "Interrupted" + (summary.notAttempted() > 0 ? ": " + summary.notAttempted()
                    + " files not attempted." : ".") + resume;
            case OUT_OF_MEMORY -> "Out of memory: the uploader stopped (maximum heap "
                                  + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)." + resume
                                  + " If it happens again, give it more: java -Xmx512m -jar paradigm-uploader.jar ...";
            case FAILED -> "The run did not finish." + resume;
        };
    }

    private static int exitStatus(Ending ending, UploadProgress.Summary summary) {
        return switch (ending) {
            case COMPLETED -> summary.hasFailures() ? 1 : 0;
            case TIMED_OUT -> 1;
            case INTERRUPTED -> 130;
            case OUT_OF_MEMORY, FAILED -> 3;
        };
    }

    /** The file (relative path) a document's external id names, or null when it is not a file of this folder. */
    static Function<String, String> relativePathOf(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        String prefix = root.toUri().toString();
        return externalId -> {
            if (!externalId.startsWith(prefix)) {
                return null;
            }
            try {
                return FolderScanner.relativePath(root, Path.of(URI.create(externalId)));
            } catch (RuntimeException e) {
                return null;
            }
        };
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it ends once the report is out
        }
    }

    private static void stopCamel(Main main) {
        try {
            main.stop();
        } catch (RuntimeException e) {
            // the run is over; nothing left to save
        }
    }

    private void close() {
        if (state != null) {
            state.close();
            if (stateLocation.temporary()) {
                try {
                    Files.deleteIfExists(stateLocation.path());
                } catch (java.io.IOException e) {
                    // a temporary file left behind
                }
            }
        }
        if (connection != null) {
            connection.close();
        }
    }
}
