package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.camelparadigm.component.paradigm.client.ConcurrencyGate;
import io.camelparadigm.component.paradigm.client.KeyGate;
import io.camelparadigm.component.paradigm.client.KeyGates;
import io.camelparadigm.component.paradigm.client.KeyStatistics;
import io.camelparadigm.component.paradigm.client.ParadigmClient;
import io.camelparadigm.component.paradigm.client.RetryPolicy;
import io.camelparadigm.component.paradigm.consumer.FileEventsConsumer;
import io.camelparadigm.component.paradigm.consumer.SessionEventsConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * Upload documents to LightOn Paradigm with their source metadata, keep them in step with their source (replace,
 * update, delete), tag, list and search them, and follow their processing.
 */
@UriEndpoint(firstVersion = "4.18.0", scheme = "paradigm", title = "LightOn Paradigm", syntax = "paradigm:operation",
             category = { Category.DOCUMENT, Category.AI }, headersClass = ParadigmConstants.class)
@ManagedResource(description = "Managed paradigm endpoint: the figures of its API key, which every endpoint of the "
                               + "key shares")
public class ParadigmEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(enums = "upload,addTags,listFiles,search,getFile,listWorkspaces,updateFile,deleteFile,bulkDelete,removeTag,"
                     + "listTags,fileEvents,sessionEvents",
             description = "The operation. In to(): upload, addTags, listFiles, search, getFile, listWorkspaces, "
                           + "updateFile, deleteFile, bulkDelete, removeTag or listTags (the CamelParadigmOperation "
                           + "header overrides it). In from(): fileEvents (one exchange per file status change) or "
                           + "sessionEvents (one exchange per finished upload session).")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private ParadigmConfiguration configuration;
    @UriParam(label = "consumer,scheduler", defaultValue = "" + DEFAULT_CONSUMER_DELAY, javaType = "java.time.Duration",
              description = "Milliseconds between two polls of fileEvents or sessionEvents. An idle poll is one "
                            + "request: 12 a minute at the default, about 1 % of a key's budget of 1,000.")
    private long delay = DEFAULT_CONSUMER_DELAY;

    /** The consumers' poll delay: Camel's 500 ms would spend an eighth of a key's request budget on idle polls. */
    public static final long DEFAULT_CONSUMER_DELAY = 5_000;

    /** The consumer names usable in from(). */
    public static final String FILE_EVENTS = "fileEvents";
    public static final String SESSION_EVENTS = "sessionEvents";
    static final List<String> CONSUMERS = List.of(FILE_EVENTS, SESSION_EVENTS);

    private volatile ParadigmClient client;
    private StateRepository<String, String> defaultStateRepository;

    public ParadigmEndpoint(String uri, ParadigmComponent component, ParadigmConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_CONSUMER_DELAY);
    }

    @Override
    public ParadigmComponent getComponent() {
        return (ParadigmComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (CONSUMERS.contains(operation)) {
            throw new IllegalArgumentException("paradigm:" + operation + " is a consumer: use it in from(). In to(), use "
                                               + "one of " + producerOperations());
        }
        return new ParadigmProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer;
        if (FILE_EVENTS.equals(operation)) {
            consumer = new FileEventsConsumer(this, processor);
        } else if (SESSION_EVENTS.equals(operation)) {
            consumer = new SessionEventsConsumer(this, processor);
        } else {
            throw new IllegalArgumentException("paradigm:" + operation + " cannot be used in from(): it is an "
                                               + "operation for to(). In from(), use one of " + CONSUMERS);
        }
        ((ScheduledBatchPollingConsumer) consumer).setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    /** The consumers' state repository: the configured one, or one in memory that lives as long as this endpoint. */
    public synchronized StateRepository<String, String> stateRepository() {
        if (configuration.getStateRepository() != null) {
            return configuration.getStateRepository();
        }
        if (defaultStateRepository == null) {
            defaultStateRepository = new MemoryStateRepository();
        }
        return defaultStateRepository;
    }

    /**
     * The key of the consumer's state: the stateKey option, or one made of everything that shapes the consumer's
     * stream (service, filters, selection). Two consumers with different selections on one repository must not
     * share a key: each saves its whole state, so one would overwrite what the other has not yet delivered.
     */
    public String stateKey() {
        if (configuration.getStateKey() != null && !configuration.getStateKey().isBlank()) {
            return configuration.getStateKey();
        }
        String stream = String.join("|", String.valueOf(configuration.getBaseUrl()),
                String.valueOf(configuration.getWorkspaceId()),
                String.valueOf(configuration.getUploadSessionUuid()), String.valueOf(configuration.getTags()),
                String.valueOf(configuration.getDocType()), String.valueOf(configuration.getExtension()),
                String.valueOf(configuration.getStatuses()), String.valueOf(configuration.isTerminalOnly()),
                String.valueOf(configuration.isIncludeStatusVisionChanges()),
                String.valueOf(configuration.getQuietPeriod()));
        if (configuration.getWorkspaceIds() != null) {
            // appended only when set, so the keys of consumers that do not use it stay what they were
            stream += "|" + configuration.getWorkspaceIds();
        }
        return "paradigm-" + operation + "-" + Integer.toHexString(stream.hashCode());
    }

    /**
     * The API client of this endpoint: its base URL, key, timeout and retries over the component's pooled HTTP client
     * and the gate of its key, which every endpoint, producer and consumer with the same base URL and key shares.
     */
    public ParadigmClient getClient() {
        ParadigmClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new ParadigmClient(getComponent().httpClient(), configuration.getBaseUrl(),
                            configuration.getApiKey(), Duration.ofMillis(configuration.getResponseTimeout()),
                            retryPolicy(), keyGate(), configuration.isAdaptiveConcurrency());
                }
                current = client;
            }
        }
        return current;
    }

    private KeyGate keyGate() {
        return getComponent().keyGates().gateFor(configuration.getBaseUrl(), configuration.getApiKey(),
                new KeyGates.ConcurrencySettings(configuration.isAdaptiveConcurrency(),
                        configuration.getInitialConcurrency(), configuration.getMaxConcurrency()),
                "paradigm:" + operation);
    }

    private RetryPolicy retryPolicy() {
        return new RetryPolicy(configuration.getMaxRetries(), Duration.ofMillis(configuration.getRetryInitialDelay()),
                Duration.ofMillis(configuration.getRetryMaxDelay()), Duration.ofMillis(configuration.getMaxRetryAfter()));
    }

    /** The gate of this endpoint's key: shared by every endpoint with the same base URL and key. */
    public KeyGate getKeyGate() {
        return getClient().gate();
    }

    /** The limit of requests in flight of this endpoint's key (its current value). */
    public ConcurrencyGate getConcurrencyGate() {
        return getKeyGate().concurrency();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    // ---- JMX: the figures of this endpoint's key (every endpoint of the key shows the same)

    @ManagedAttribute(description = "The API key, as a fingerprint (never the key)")
    public String getKeyId() {
        return getKeyGate().keyId();
    }

    @ManagedAttribute(description = "The key's limit of requests in flight")
    public int getConcurrencyLimit() {
        return getKeyGate().concurrency().limit();
    }

    @ManagedAttribute(description = "The key's requests in flight")
    public int getRequestsInFlight() {
        return getKeyGate().concurrency().inFlight();
    }

    @ManagedAttribute(description = "Requests of the key sent in the last minute")
    public long getRequestsLastMinute() {
        return getKeyGate().statistics().requestsLastMinute();
    }

    @ManagedAttribute(description = "Requests of the key sent (each try counts)")
    public long getRequests() {
        return getKeyGate().statistics().requests();
    }

    @ManagedAttribute(description = "429 answers to the key")
    public long getTooManyRequests() {
        return getKeyGate().statistics().tooManyRequests();
    }

    @ManagedAttribute(description = "429 answers of the key's rate limit")
    public long getRateLimited() {
        return getKeyGate().statistics().rateLimited();
    }

    @ManagedAttribute(description = "Tries after the first of a request")
    public long getRetries() {
        return getKeyGate().statistics().retries();
    }

    @ManagedAttribute(description = "Look-ups by external id before re-sending an upload whose answer was lost")
    public long getLookups() {
        return getKeyGate().statistics().lookups();
    }

    @ManagedAttribute(description = "Requests per rate limit period the service admits, as learned; -1 before its "
                                    + "first refusal")
    public long getLearnedRateLimit() {
        return getKeyGate().learnedRateLimit();
    }

    @ManagedAttribute(description = "The key's last failed try: when, and the error")
    public String getLastError() {
        KeyStatistics.LastError error = getKeyGate().statistics().lastError();
        return error == null ? null : error.at() + " " + error.message();
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        super.doStop();
    }

    /**
     * Checks the operation of a URI: one of the producer operations or a consumer name. The message lists them, so a
     * misspelt operation fails the route's start with the valid ones.
     */
    static void checkOperation(String operation) {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("paradigm: no operation in the URI: write paradigm:<operation>, with "
                                               + "<operation> one of " + producerOperations() + " in to(), or one of "
                                               + CONSUMERS + " in from()");
        }
        if (!CONSUMERS.contains(operation) && !producerOperations().contains(operation)) {
            throw new IllegalArgumentException("paradigm:" + operation + ": unknown operation '" + operation + "'. In "
                                               + "to(), use one of " + producerOperations() + "; in from(), one of "
                                               + CONSUMERS);
        }
    }

    private static List<String> producerOperations() {
        return Arrays.stream(ParadigmOperations.values()).map(Enum::name).toList();
    }

    /** The producer operation named in the URI (the CamelParadigmOperation header overrides it). */
    public ParadigmOperations getDefaultOperation() {
        return ParadigmOperations.valueOf(operation);
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    /** Milliseconds between two polls of a consumer. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    public ParadigmConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ParadigmConfiguration configuration) {
        this.configuration = configuration;
    }
}
