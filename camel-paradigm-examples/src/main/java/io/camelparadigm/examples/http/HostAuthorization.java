package io.camelparadigm.examples.http;

import java.net.URI;
import java.util.function.Supplier;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.net.URIAuthority;

/**
 * A camel-http {@link HttpClientConfigurer} for calling one API: its {@code Authorization} value added to each request
 * to the API's host only (so the credential never sits in a message header, nor goes to the host a download is
 * redirected to), and no automatic retries of the client's own: throttled calls are repeated by the route
 * ({@link RetryAfterRedelivery}), which honours {@code Retry-After} as many times as it is configured to.
 */
public final class HostAuthorization implements HttpClientConfigurer {

    private final URIAuthority api;
    private final Supplier<String> authorization;

    /** @param authorization the header's value, asked for each request (e.g. {@code Bearer <a token kept fresh>}) */
    public HostAuthorization(URI apiUrl, Supplier<String> authorization) {
        this.api = new URIAuthority(apiUrl.getHost(), port(apiUrl.getScheme(), apiUrl.getPort()));
        this.authorization = authorization;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
        clientBuilder.addRequestInterceptorFirst((request, entity, context) -> {
            URIAuthority target = request.getAuthority();
            if (target != null && api.getHostName().equalsIgnoreCase(target.getHostName())
                && api.getPort() == port(request.getScheme(), target.getPort())) {
                request.setHeader(HttpHeaders.AUTHORIZATION, authorization.get());
            }
        });
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }
}
