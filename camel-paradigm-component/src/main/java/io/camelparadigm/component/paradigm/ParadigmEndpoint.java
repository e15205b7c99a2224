package io.camelparadigm.component.paradigm;

import java.time.Duration;

import io.camelparadigm.component.paradigm.client.ParadigmClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Upload documents to LightOn Paradigm with their source metadata, tag, list and search them.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "paradigm", title = "LightOn Paradigm", syntax = "paradigm:operation",
             category = { Category.DOCUMENT, Category.AI }, headersClass = ParadigmConstants.class)
public class ParadigmEndpoint extends ScheduledPollEndpoint {

    @UriPath(description = "The operation: upload, addTags, listFiles, search, getFile or listWorkspaces.")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private ParadigmConfiguration configuration;

    private volatile ParadigmClient client;

    public ParadigmEndpoint(String uri, ParadigmComponent component, ParadigmConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public ParadigmComponent getComponent() {
        return (ParadigmComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (operation != null && !operation.isBlank() && getDefaultOperation() == null) {
            throw new IllegalArgumentException("Unknown paradigm operation '" + operation + "'; use one of "
                                               + java.util.Arrays.toString(ParadigmOperations.values()));
        }
        return new ParadigmProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException(
                "paradigm:" + operation + " cannot be used in from(): the paradigm component has no consumer yet");
    }

    /** The API client of this endpoint: its base URL, key and timeout over the component's pooled HTTP client. */
    public ParadigmClient getClient() {
        ParadigmClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = new ParadigmClient(getComponent().httpClient(), configuration.getBaseUrl(),
                            configuration.getApiKey(), Duration.ofMillis(configuration.getResponseTimeout()));
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        super.doStop();
    }

    /** The operation named in the URI, or null when the URI names none (then the header must). */
    public ParadigmOperations getDefaultOperation() {
        if (operation == null || operation.isBlank()) {
            return null;
        }
        try {
            return ParadigmOperations.valueOf(operation);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public ParadigmConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ParadigmConfiguration configuration) {
        this.configuration = configuration;
    }
}
