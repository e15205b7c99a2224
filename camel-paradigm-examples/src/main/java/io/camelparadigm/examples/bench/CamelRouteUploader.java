package io.camelparadigm.examples.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.client.ConcurrencyGate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Uploads through a Camel route with the {@code paradigm:} component, the way a user would: a parallel splitter
 * with {@code concurrency} threads feeding {@code paradigm:upload}. Everything else (retries, the adaptive limit
 * of requests in flight) is the component's, with its defaults unless {@code endpointOptions} says otherwise.
 */
public final class CamelRouteUploader implements Uploader {

    private static final String STARTED = "benchStarted";

    private final int concurrency;
    private final String endpointOptions;

    /**
     * @param endpointOptions extra {@code paradigm:upload} options, e.g. {@code maxRetries=10}; empty for none
     */
    public CamelRouteUploader(int concurrency, String endpointOptions) {
        this.concurrency = concurrency;
        this.endpointOptions = endpointOptions == null ? "" : endpointOptions;
    }

    @Override
    public String name() {
        return "component";
    }

    @Override
    public UploadTally upload(List<Path> files, Target target) throws Exception {
        UploadTally tally = new UploadTally(files.size());
        try (CamelContext camel = new DefaultCamelContext()) {
            ParadigmComponent paradigm = new ParadigmComponent();
            paradigm.setMaxConnections(concurrency);
            paradigm.getConfiguration().setBaseUrl(target.baseUrl());
            paradigm.getConfiguration().setApiKey(target.apiKey());
            paradigm.getConfiguration().setWorkspaceId(target.workspaceId());
            camel.addComponent("paradigm", paradigm);
            camel.addRoutes(route(tally, largest(files)));
            camel.start();
            List<File> bodies = files.stream().map(Path::toFile).toList();
            camel.createProducerTemplate().sendBody("direct:upload-all", bodies);
            camel.getEndpoints().stream()
                    .filter(ParadigmEndpoint.class::isInstance)
                    .map(endpoint -> ((ParadigmEndpoint) endpoint).getConcurrencyGate())
                    .filter(ConcurrencyGate::isAdaptive)
                    .forEach(gate -> tally.concurrencyLimit(gate.limit()));
        }
        return tally;
    }

    private RouteBuilder route(UploadTally tally, long largestFile) {
        String uri = "paradigm:upload?maxConcurrency=" + concurrency + "&maxFileSize=" + largestFile
                     + (endpointOptions.isBlank() ? "" : "&" + endpointOptions);
        return new RouteBuilder() {
            @Override
            public void configure() {
                ExecutorService uploaders = getContext().getExecutorServiceManager()
                        .newFixedThreadPool(this, "bench-uploaders", concurrency);
                from("direct:upload-all")
                        .split(body()).parallelProcessing().executorService(uploaders)
                            .process(CamelRouteUploader::start)
                            .doTry()
                                .to(uri)
                                .process(exchange -> tally.succeeded(elapsed(exchange)))
                            .doCatch(Exception.class)
                                .process(exchange -> tally.failed(elapsed(exchange), failure(exchange)))
                            .end()
                        .end();
            }
        };
    }

    /** The file name as external id; a lambda, not simple("${body.name}"), which introspects the body each time. */
    private static void start(Exchange exchange) {
        exchange.getMessage().setHeader(ParadigmConstants.EXTERNAL_ID,
                exchange.getMessage().getBody(File.class).getName());
        exchange.setProperty(STARTED, System.nanoTime());
    }

    private static long elapsed(Exchange exchange) {
        return System.nanoTime() - exchange.getProperty(STARTED, Long.class);
    }

    private static String failure(Exchange exchange) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return caught == null ? "unknown" : caught.getMessage();
    }

    private static long largest(List<Path> files) {
        return files.stream().mapToLong(file -> file.toFile().length()).max().orElse(1);
    }
}
