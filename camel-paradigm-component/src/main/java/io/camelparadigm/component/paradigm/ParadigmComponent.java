package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.Map;

import io.camelparadigm.component.paradigm.client.KeyGates;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.ObjectHelper;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;

/**
 * The {@code paradigm:} component: holds the options routes share, the one pooled HTTP client every endpoint of this
 * component uses, and one gate per base URL and API key that every endpoint of that key shares (its limit of requests
 * in flight, its rate limit, its counts).
 */
@Component("paradigm")
public class ParadigmComponent extends HealthCheckComponent implements SSLContextParametersAware {

    public static final String API_KEY_ENV = "PARADIGM_API_KEY";
    /** Micrometer is optional: the meters are bound only when the application has it. */
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    @Metadata(description = "Options shared by every endpoint; endpoint options override them.")
    private ParadigmConfiguration configuration = new ParadigmConfiguration();
    @Metadata(label = "advanced", defaultValue = "50",
              description = "Largest number of open connections to Paradigm, shared by every endpoint.")
    private int maxConnections = 50;
    @Metadata(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "How long to wait for a connection to Paradigm to open.")
    private long connectTimeout = 10_000;
    @Metadata(label = "proxy", description = "HTTP proxy host.")
    private String proxyHost;
    @Metadata(label = "proxy", description = "HTTP proxy port.")
    private Integer proxyPort;
    @Metadata(label = "security", description = "TLS settings for the connection to Paradigm.")
    private SSLContextParameters sslContextParameters;
    @Metadata(label = "security", defaultValue = "false", description = "Use the global SSLContextParameters.")
    private boolean useGlobalSslContextParameters;
    @Metadata(label = "advanced", description = "A hook to adjust the Apache HttpClient 5 builder before the client is built.")
    private ParadigmHttpClientConfigurer httpClientConfigurer;
    @Metadata(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The period of the service's rate limit per API key (Paradigm admits about 1,000 requests "
                            + "a minute). After the service refuses a request for its rate, the requests of that key "
                            + "are paced to what it admitted in the last period.")
    private long rateLimitPeriod = 60_000;

    private CloseableHttpClient httpClient;
    private KeyGates keyGates;
    private final PropertyConfigurer componentConfigurer = new WholeNumberOptions.ComponentConfigurer();
    private final PropertyConfigurer endpointConfigurer = new WholeNumberOptions.EndpointConfigurer();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        ParadigmEndpoint.checkOperation(remaining);
        ParadigmConfiguration endpointConfiguration = configuration.copy();
        ParadigmEndpoint endpoint = new ParadigmEndpoint(uri, this, endpointConfiguration);
        endpoint.setOperation(remaining);
        setProperties(endpoint, parameters);
        if (ObjectHelper.isEmpty(endpointConfiguration.getApiKey())) {
            endpointConfiguration.setApiKey(System.getenv(API_KEY_ENV));
        }
        if (ObjectHelper.isEmpty(endpointConfiguration.getApiKey())) {
            throw new IllegalArgumentException(
                    "No Paradigm API key for endpoint paradigm:" + remaining + ". Set the apiKey option on the endpoint "
                                               + "or the paradigm component (e.g. apiKey={{paradigm.apiKey}} with the "
                                               + "key in a property), or set the " + API_KEY_ENV
                                               + " environment variable.");
        }
        InputRules.atLeast(remaining, "rateLimitPeriod", rateLimitPeriod, 1);
        ConfigurationCheck.check(remaining, endpointConfiguration);
        return endpoint;
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return componentConfigurer;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return endpointConfigurer;
    }

    /** The component's pooled HTTP client, built on first use and closed when the component stops. */
    synchronized CloseableHttpClient httpClient() {
        if (httpClient == null) {
            SSLContextParameters ssl = sslContextParameters != null
                    ? sslContextParameters : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
            httpClient = new ParadigmHttpClientFactory(getCamelContext(), maxConnections, connectTimeout, proxyHost,
                    proxyPort, ssl, httpClientConfigurer).create();
        }
        return httpClient;
    }

    /**
     * The gates of the keys the endpoints use, one per base URL and key, made on first use; kept when the component
     * restarts (what they learned of the service still holds).
     */
    public synchronized KeyGates keyGates() {
        if (keyGates == null) {
            keyGates = new KeyGates(Duration.ofMillis(rateLimitPeriod));
        }
        return keyGates;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        KeyInPropertiesWarning.warnIfTheKeyIsWrittenOut(getCamelContext());
        if (getCamelContext().getClassResolver().resolveClass(MICROMETER) != null) {
            ParadigmMeterBinder.bindToRegistryOf(getCamelContext(), this);
        }
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (httpClient != null) {
            httpClient.close(CloseMode.GRACEFUL);
            httpClient = null;
        }
        super.doStop();
    }

    public ParadigmConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(ParadigmConfiguration configuration) {
        this.configuration = configuration;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public long getRateLimitPeriod() {
        return rateLimitPeriod;
    }

    public void setRateLimitPeriod(long rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    public ParadigmHttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(ParadigmHttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }
}
