package io.camelparadigm.examples.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.ParadigmEndpoint;
import io.camelparadigm.component.paradigm.client.ConcurrencyGate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Uploads through a Camel route with the {@code paradigm:} component, the way a user would: a parallel splitter
 * with {@code concurrency} threads feeding {@code paradigm:upload}. Everything else (retries, the adaptive limit
 * of requests in flight) is the component's, with its defaults unless {@code endpointOptions} says otherwise.
 * With two routes, each gets every other file and half the threads, and an endpoint of its own with the same key.
 */
public final class CamelRouteUploader implements Uploader {

    private static final String STARTED = "benchStarted";

    private final int concurrency;
    private final String endpointOptions;
    private final int routes;

    /**
     * @param endpointOptions extra {@code paradigm:upload} options, e.g. {@code maxRetries=10}; empty for none
     * @param routes          1 or 2
     */
    public CamelRouteUploader(int concurrency, String endpointOptions, int routes) {
        this.concurrency = concurrency;
        this.endpointOptions = endpointOptions == null ? "" : endpointOptions;
        this.routes = routes;
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
            for (int route = 0; route < routes; route++) {
                camel.addRoutes(route(route, tally, largest(files)));
            }
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            List<CompletableFuture<Object>> sent = new ArrayList<>();
            for (int route = 0; route < routes; route++) {
                int first = route;
                List<File> bodies = IntStream.range(0, files.size()).filter(i -> i % routes == first)
                        .mapToObj(i -> files.get(i).toFile()).toList();
                sent.add(template.asyncRequestBody("direct:upload-all-" + route, bodies));
            }
            for (CompletableFuture<Object> done : sent) {
                done.get();
            }
            camel.getEndpoints().stream()
                    .filter(ParadigmEndpoint.class::isInstance)
                    .map(endpoint -> ((ParadigmEndpoint) endpoint).getConcurrencyGate())
                    .filter(ConcurrencyGate::isAdaptive)
                    .forEach(gate -> tally.concurrencyLimit(gate.limit()));
        }
        return tally;
    }

    private RouteBuilder route(int route, UploadTally tally, long largestFile) {
        // the second route's endpoint differs by an option with no bearing on uploads: another endpoint, one key
        String uri = "paradigm:upload?maxConcurrency=" + concurrency + "&maxFileSize=" + largestFile
                     + (route == 1 ? "&lazyStartProducer=true" : "")
                     + (endpointOptions.isBlank() ? "" : "&" + endpointOptions);
        return new RouteBuilder() {
            @Override
            public void configure() {
                ExecutorService uploaders = getContext().getExecutorServiceManager()
                        .newFixedThreadPool(this, "bench-uploaders-" + route, concurrency / routes);
                from("direct:upload-all-" + route)
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
