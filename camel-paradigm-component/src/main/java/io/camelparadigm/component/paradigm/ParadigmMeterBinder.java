package io.camelparadigm.component.paradigm;

import io.camelparadigm.component.paradigm.client.KeyGate;
import io.camelparadigm.component.paradigm.client.KeyStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Micrometer meters of every API key a paradigm component uses, named as camel-micrometer names Camel's own
 * ({@code camel.paradigm.*}, tagged {@code camelContext}), plus the key's fingerprint ({@code key}, never the key) and
 * the service ({@code service}). Keys used after binding get their meters when first used. The component binds it,
 * when it starts, to the registry the context holds ({@link #bindToRegistryOf}); an application may also bind it
 * itself.
 * <ul>
 * <li>{@code camel.paradigm.requests}: requests sent, each try counted</li>
 * <li>{@code camel.paradigm.requests.throttled}: 429s, tagged {@code reason} = {@code rate_limit},
 * {@code concurrency} or {@code other}</li>
 * <li>{@code camel.paradigm.retries}, {@code camel.paradigm.lookups}: retries; look-ups by external id before
 * re-sending an upload</li>
 * <li>{@code camel.paradigm.requests.inflight}, {@code camel.paradigm.concurrency.limit},
 * {@code camel.paradigm.ratelimit.learned} (-1 before the first refusal): gauges</li>
 * </ul>
 */
public class ParadigmMeterBinder implements MeterBinder {

    /** The name camel-micrometer binds its registry under. */
    static final String METRICS_REGISTRY_NAME = "metricsRegistry";

    private final ParadigmComponent component;

    public ParadigmMeterBinder(ParadigmComponent component) {
        this.component = component;
    }

    /**
     * Binds the component's meters to the registry the context holds, if it holds one, found as camel-micrometer finds
     * it: a composite registry first (Spring Boot's, when it publishes to several systems), then any registry; each by
     * the name {@code metricsRegistry}, else the only one of its type.
     */
    static void bindToRegistryOf(CamelContext context, ParadigmComponent component) {
        MeterRegistry registry = find(context.getRegistry(), CompositeMeterRegistry.class);
        if (registry == null) {
            registry = find(context.getRegistry(), MeterRegistry.class);
        }
        if (registry != null) {
            new ParadigmMeterBinder(component).bindTo(registry);
        }
    }

    private static MeterRegistry find(Registry registry, Class<? extends MeterRegistry> type) {
        MeterRegistry named = registry.lookupByNameAndType(METRICS_REGISTRY_NAME, type);
        return named != null ? named : registry.findSingleByType(type);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String contextName = component.getCamelContext().getName();
        component.keyGates().all().forEach(gate -> bind(registry, contextName, gate));
        component.keyGates().onNewGate(gate -> bind(registry, contextName, gate));
    }

    private static void bind(MeterRegistry registry, String contextName, KeyGate gate) {
        Tags tags = Tags.of("camelContext", contextName, "key", gate.keyId(), "service", gate.baseUrl());
        KeyStatistics statistics = gate.statistics();
        FunctionCounter.builder("camel.paradigm.requests", statistics, KeyStatistics::requests).tags(tags)
                .description("Requests sent to Paradigm, each try counted").register(registry);
        FunctionCounter.builder("camel.paradigm.requests.throttled", statistics, KeyStatistics::rateLimited)
                .tags(tags).tag("reason", "rate_limit").description("429 answers").register(registry);
        FunctionCounter.builder("camel.paradigm.requests.throttled", statistics, KeyStatistics::concurrencyLimited)
                .tags(tags).tag("reason", "concurrency").description("429 answers").register(registry);
        FunctionCounter.builder("camel.paradigm.requests.throttled", statistics, KeyStatistics::otherTooManyRequests)
                .tags(tags).tag("reason", "other").description("429 answers").register(registry);
        FunctionCounter.builder("camel.paradigm.retries", statistics, KeyStatistics::retries).tags(tags)
                .description("Tries after the first of a request").register(registry);
        FunctionCounter.builder("camel.paradigm.lookups", statistics, KeyStatistics::lookups).tags(tags)
                .description("Look-ups by external id before re-sending an upload whose answer was lost")
                .register(registry);
        Gauge.builder("camel.paradigm.requests.inflight", gate, g -> g.concurrency().inFlight()).tags(tags)
                .description("Requests in flight").register(registry);
        Gauge.builder("camel.paradigm.concurrency.limit", gate, g -> g.concurrency().limit()).tags(tags)
                .description("The key's limit of requests in flight").register(registry);
        Gauge.builder("camel.paradigm.ratelimit.learned", gate, KeyGate::learnedRateLimit).tags(tags)
                .description("Requests per rate limit period the service admits, as learned; -1 before the first "
                             + "refusal")
                .register(registry);
    }
}
