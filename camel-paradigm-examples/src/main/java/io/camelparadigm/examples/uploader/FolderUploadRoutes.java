package io.camelparadigm.examples.uploader;

import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The folder uploader, in Java DSL (it needs a thread pool and a progress object, which YAML cannot build):
 * <ul>
 * <li>{@code direct:upload-folder} scans the folder and hands each file to {@code direct:upload-file}, at most
 * {@code batch-size} at a time;</li>
 * <li>{@code direct:upload-file} skips what the state file already holds, uploads the rest with
 * {@code paradigm:upload} (whose client retries 429, 503 and lost connections), and records the outcome;</li>
 * <li>{@code paradigm:fileEvents} reports each document's final status to the progress.</li>
 * </ul>
 * Send any message to {@code direct:upload-folder} to run it; {@link UploadProgress#awaitFinished} tells when every
 * document reached a final status.
 */
public class FolderUploadRoutes extends RouteBuilder {

    private final UploaderSettings settings;
    private final long workspaceId;
    private final UploadProgress progress;
    private final UploadSteps steps;

    public FolderUploadRoutes(UploaderSettings settings, long workspaceId, UploadProgress progress,
                              IdempotentRepository state) {
        this.settings = settings;
        this.workspaceId = workspaceId;
        this.progress = progress;
        this.steps = new UploadSteps(progress, state);
    }

    @Override
    public void configure() {
        ExecutorService uploaders = getContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "paradigm-upload", settings.concurrency());

        from("direct:upload-folder").routeId("upload-folder")
                .process(exchange -> {
                    ScanResult scan = settings.scanner().scan(settings.filesDir());
                    progress.scanned(scan);
                    exchange.getMessage().setBody(scan.toUpload());
                })
                .split(body()).parallelProcessing().executorService(uploaders)
                    .to("direct:upload-file")
                .end()
                .process(exchange -> progress.uploadsComplete());

        // Started with the context, before any upload: every document of this run is created after it.
        from(followUri()).routeId("follow-statuses")
                .process(exchange -> progress.statusChanged(
                        exchange.getMessage().getHeader(ParadigmConstants.FILE_ID, Long.class),
                        exchange.getMessage().getHeader(ParadigmConstants.STATUS, String.class),
                        exchange.getMessage().getHeader(ParadigmConstants.STATUS_DETAIL, String.class)));

        from("direct:upload-file").routeId("upload-file")
                // the paradigm client already retried what is worth retrying (429, 503, lost connections)
                .onException(Exception.class)
                    .handled(true)
                    .process(steps::failed)
                .end()
                .process(steps::prepare)
                .filter(exchangeProperty(UploadSteps.SEND))
                    .to(uploadUri())
                    .process(steps::uploaded)
                .end();
    }

    String followUri() {
        return "paradigm:fileEvents?workspaceId=" + workspaceId + "&terminalOnly=true&startFrom=now&initialDelay=0"
               + "&delay=" + settings.pollInterval().toMillis();
    }

    String uploadUri() {
        StringBuilder uri = new StringBuilder("paradigm:upload?workspaceId=").append(workspaceId)
                .append("&onExisting=").append(settings.onExisting())
                .append("&maxFileSize=").append(settings.maxFileSize())
                // the endpoint's adaptive limit starts at the batch size; 429s still shrink it
                .append("&initialConcurrency=").append(settings.concurrency());
        if (!settings.tags().isEmpty()) {
            uri.append("&tags=").append(settings.tags().stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        return uri.toString();
    }
}
