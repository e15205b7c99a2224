package io.camelparadigm.component.paradigm;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.impl.io.MonitoringResponseOutOfOrderStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** Builds the component's pooled Apache HttpClient 5 from its options. */
final class ParadigmHttpClientFactory {

    private final CamelContext camelContext;
    private final int maxConnections;
    private final long connectTimeoutMillis;
    private final String proxyHost;
    private final Integer proxyPort;
    private final SSLContextParameters ssl;
    private final ParadigmHttpClientConfigurer configurer;
    private final Supplier<TlsSocketStrategy> defaultTls;

    ParadigmHttpClientFactory(CamelContext camelContext, int maxConnections, long connectTimeoutMillis,
                              String proxyHost, Integer proxyPort, SSLContextParameters ssl,
                              ParadigmHttpClientConfigurer configurer) {
        this(camelContext, maxConnections, connectTimeoutMillis, proxyHost, proxyPort, ssl, configurer,
             DefaultClientTlsStrategy::createDefault);
    }

    /** @param defaultTls the JVM's default TLS, made on the first https connection when {@code ssl} is null */
    ParadigmHttpClientFactory(CamelContext camelContext, int maxConnections, long connectTimeoutMillis,
                              String proxyHost, Integer proxyPort, SSLContextParameters ssl,
                              ParadigmHttpClientConfigurer configurer, Supplier<TlsSocketStrategy> defaultTls) {
        this.camelContext = camelContext;
        this.maxConnections = maxConnections;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.proxyHost = proxyHost;
        this.proxyPort = proxyPort;
        this.ssl = ssl;
        this.configurer = configurer;
        this.defaultTls = defaultTls;
    }

    CloseableHttpClient create() {
        PoolingHttpClientConnectionManagerBuilder connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                // one host: every connection may go to it
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(Duration.ofMillis(connectTimeoutMillis)))
                        // A pooled connection the server (or a proxy) closed without saying so fails the next
                        // request only after it was sent, and an upload without an external id cannot be re-sent
                        // then: check every connection before use (a 1 ms read), not only long-idle ones.
                        .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
                        .build())
                // A server refusing an upload from its headers (413) answers while the body is still being sent:
                // watch for that answer, stop sending and read it, instead of writing on until the server resets
                // the connection (a broken pipe, the answer lost). The check is a read of what is buffered; on
                // TLS it costs 1 ms, hence one check per 256 KB and none past the first 32 MB.
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .responseOutOfOrderStrategy(new MonitoringResponseOutOfOrderStrategy(256 * 1024, 128))
                        .build());
        if (ssl != null) {
            try {
                connections.setTlsSocketStrategy(new DefaultClientTlsStrategy(ssl.createSSLContext(camelContext)));
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot create the TLS context for Paradigm: " + e.getMessage(), e);
            }
        } else {
            connections.setTlsSocketStrategy(new LazyTlsStrategy(defaultTls));
        }
        PoolingHttpClientConnectionManager manager = connections.build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(manager)
                .disableCookieManagement()
                // retries are the route's (or the client's own policy's) decision, not a silent default
                .disableAutomaticRetries();
        if (proxyHost != null && !proxyHost.isBlank()) {
            builder.setProxy(new HttpHost(proxyHost, proxyPort == null ? 8080 : proxyPort));
        }
        if (configurer != null) {
            configurer.configure(builder);
        }
        return builder.build();
    }
}
