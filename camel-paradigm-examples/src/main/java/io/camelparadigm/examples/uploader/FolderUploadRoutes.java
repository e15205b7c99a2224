package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.util.stream.Collectors;

import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * The folder uploader, in Java DSL (it needs the progress and the state file, which YAML cannot build):
 * <ul>
 * <li>{@code direct:upload-folder} walks the folder and puts each file on a bounded SEDA queue, waiting while it
 * is full, so that a million files never sit in memory at once;</li>
 * <li>{@code seda:upload-file} ({@code batch-size} consumers) skips what the state file says is done, looks up
 * by external id the files whose earlier upload was cut short, uploads the rest with {@code paradigm:upload}
 * (whose client retries 429, 503 and lost connections) and records the outcome; with {@code --sync}, changed files
 * go to {@code paradigm:upload?onExisting=replace} (see {@link UploadSteps});</li>
 * <li>{@code paradigm:fileEvents} reports, once per poll interval (sooner once every file is uploaded), the documents
 * of the workspace that reached a final status ({@link ProcessingFollower}); those of this run settle in the
 * progress.</li>
 * </ul>
 * Send any message to {@code direct:upload-folder} to run it; it returns once every file is queued.
 */
public class FolderUploadRoutes extends RouteBuilder {

    /** The route following processing, started before the first upload. */
    public static final String FOLLOW_ROUTE = "follow-processing";

    private final UploaderSettings settings;
    private final long workspaceId;
    private final UploadProgress progress;
    private final UploadStateFile state;
    private final UploadSteps steps;
    private final ProcessingFollower follower;
    private final SyncPlan plan;
    private final DoneFolders doneFolders;
    private final WriteAccess writeAccess = new WriteAccess();

    /** @param plan a dry run's plan, which the walk fills instead of queuing files; null otherwise */
    public FolderUploadRoutes(UploaderSettings settings, long workspaceId, UploadProgress progress,
                              UploadStateFile state, SyncPlan plan) {
        this.plan = plan;
        this.settings = settings;
        this.workspaceId = workspaceId;
        this.progress = progress;
        this.state = state;
        this.steps = new UploadSteps(progress, state, settings.onExisting(), settings.sync(), writeAccess);
        this.follower = new ProcessingFollower(progress, settings.pollInterval(), Clock.systemUTC());
        this.doneFolders = DoneFolders.forRun(state, settings.sync());
    }

    @Override
    public void configure() {
        from("direct:upload-folder").routeId("upload-folder")
                .process(this::walk);

        from(queueUri()).routeId("upload-file")
                .onCompletion()
                    .process(this::settled)
                .end()
                // the paradigm client already retried what is worth retrying (429, 503, lost connections)
                .onException(Throwable.class)
                    .handled(true)
                    .process(steps::failed)
                .end()
                .process(steps::prepare)
                .filter(exchangeProperty(UploadSteps.ACTION).isEqualTo(UploadSteps.Action.CHECK))
                    .to(lookupUri())
                    .process(steps::checked)
                .end()
                .filter(exchangeProperty(UploadSteps.ACTION).isEqualTo(UploadSteps.Action.UPLOAD))
                    .to(uploadUri("upload"))
                    .process(steps::uploaded)
                .end()
                .filter(exchangeProperty(UploadSteps.ACTION).isEqualTo(UploadSteps.Action.REPLACE))
                    .to(uploadUri("replace"))
                    .process(steps::replaced)
                .end();

        // Started by the job once the key is checked.
        ParadigmEndpoint finalStatuses = getContext().getEndpoint(
                ProcessingFollower.uri(workspaceId, settings.pollInterval()), ParadigmEndpoint.class);
        finalStatuses.setPollStrategy(follower);
        from(finalStatuses).routeId(FOLLOW_ROUTE)
                .autoStartup(false)
                .onException(Throwable.class)
                    .handled(true)
                    .process(exchange -> {
                        if (UploadSteps.isOutOfMemory(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))) {
                            progress.outOfMemory();
                        }
                    })
                .end()
                .process(follower::finalStatus);
    }

    /** Walks the folder on the caller's thread; each file to upload waits for room on the queue. */
    private void walk(Exchange exchange) {
        ProducerTemplate template = exchange.getContext().createProducerTemplate();
        Endpoint queue = exchange.getContext().getEndpoint(queueUri());
        try {
            boolean complete = settings.scanner().scan(settings.filesDir(), new FolderScanner.Listener() {
                @Override
                public void upload(ScannedFile file) {
                    if (plan != null) {
                        plan.add(planned(state.sight(file.relativePath(), file.size(), file.modified())),
                                file.relativePath());
                        return;
                    }
                    // answered here, without a message: resuming a million-file run skips at the walk's pace
                    if (alreadyDone(file)) {
                        progress.scanSkipped(file.relativePath(),
                                settings.sync() ? SkipReason.UNCHANGED : SkipReason.ALREADY_UPLOADED);
                        return;
                    }
                    doneFolders.handed(file);
                    SkipReason notStarting = steps.notStarting();
                    if (notStarting != null) {
                        progress.scanSkipped(file.relativePath(), notStarting);
                        doneFolders.settled(file, false);
                        return;
                    }
                    progress.handed();
                    template.sendBody(queue, file);
                }

                @Override
                public void skipped(String relativePath, SkipReason reason) {
                    if (settings.sync()) {
                        state.sight(relativePath, -1, -1); // still there: its document is not deleted
                    }
                    progress.scanSkipped(relativePath, reason);
                }

                @Override
                public void excluded() {
                    progress.excluded();
                }

                @Override
                public boolean stop() {
                    return progress.isStopping();
                }

                @Override
                public boolean skipFolder(String relativeDir, long modified) {
                    long files = doneFolders.doneFiles(relativeDir, modified);
                    if (files >= 0) {
                        progress.scanSkippedFolder(relativeDir, files, SkipReason.ALREADY_UPLOADED);
                        return true;
                    }
                    doneFolders.listing(relativeDir, modified);
                    return false;
                }

                @Override
                public void folderListed(String relativeDir, long modified, long files, boolean onlyUploadedFiles) {
                    doneFolders.listed(relativeDir, files, onlyUploadedFiles);
                }
            });
            if (complete) {
                progress.scanComplete();
            }
        } finally {
            stopQuietly(template);
        }
    }

    /** A handed file's route ended, however: its folder may now be done. */
    private void settled(Exchange exchange) {
        ScannedFile file = exchange.getProperty(ScannedFile.class.getName(), ScannedFile.class);
        if (file != null) {
            doneFolders.settled(file, UploadSteps.isDone(exchange));
        }
    }

    private static SyncPlan.Kind planned(UploadStateFile.Mark mark) {
        return switch (mark) {
            case DONE -> SyncPlan.Kind.UNCHANGED;
            case CHANGED -> SyncPlan.Kind.CHANGED;
            // a file marked started: its upload was cut short, a sync looks it up and sends it if needed
            case NONE, STARTED -> SyncPlan.Kind.NEW;
        };
    }

    /** Done and, with {@code --sync}, unchanged; a sync records that this run saw the file. */
    private boolean alreadyDone(ScannedFile file) {
        UploadStateFile.Mark mark = settings.sync() ? state.sight(file.relativePath(), file.size(), file.modified())
                : state.mark(file.relativePath());
        return mark == UploadStateFile.Mark.DONE;
    }

    /** Paradigm's answer to the upload it refused for lack of permission on the workspace, or null. */
    public String workspaceRefusal() {
        return writeAccess.refusal();
    }

    String queueUri() {
        // a few files ready per uploader; a full queue makes the walk wait. A SEDA consumer that finds Camel still
        // starting sleeps for its poll timeout (default 1 s) before taking the first file: 100 ms lets the uploads
        // start as soon as the walk does
        return "seda:upload-file?concurrentConsumers=" + settings.concurrency() + "&size=" + 2 * settings.concurrency()
               + "&blockWhenFull=true&pollTimeout=100";
    }

    String lookupUri() {
        return "paradigm:listFiles?workspaceId=" + workspaceId + "&pageSize=100&maxResults=100";
    }

    /**
     * @param onExisting {@code upload}: the steps decided about existing documents (state file, look-up when unknown);
     *                   {@code replace}: a sync's changed file, replaced when its content differs
     */
    String uploadUri(String onExisting) {
        StringBuilder uri = new StringBuilder("paradigm:upload?workspaceId=").append(workspaceId)
                .append("&onExisting=").append(onExisting)
                .append("&maxFileSize=").append(settings.maxFileSize());
        if (!settings.tags().isEmpty()) {
            uri.append("&tags=").append(settings.tags().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return uri.toString();
    }

    private static void stopQuietly(ProducerTemplate template) {
        try {
            template.stop();
        } catch (RuntimeException e) {
            // nothing to release that matters
        }
    }
}
