package io.camelparadigm.examples.sharepoint;

import java.net.URI;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.net.URIAuthority;

/**
 * How the camel-http endpoints of the SharePoint routes call Graph: {@code Authorization: Bearer <token>} added to
 * each request to Graph's host only (so the token never sits in a message header, nor goes to the host a
 * {@code /content} download is redirected to), and no automatic retries of the client's own: throttled calls are
 * repeated by the route ({@link GraphRetries}), which honours {@code Retry-After} as many times as configured.
 */
public final class GraphClientConfigurer implements HttpClientConfigurer {

    private final GraphAccessTokens tokens;
    private final URIAuthority graph;

    public GraphClientConfigurer(GraphAccessTokens tokens, URI graphUrl) {
        this.tokens = tokens;
        this.graph = new URIAuthority(graphUrl.getHost(), port(graphUrl.getScheme(), graphUrl.getPort()));
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.disableAutomaticRetries();
        clientBuilder.addRequestInterceptorFirst((request, entity, context) -> {
            URIAuthority target = request.getAuthority();
            if (target != null && graph.getHostName().equalsIgnoreCase(target.getHostName())
                && graph.getPort() == port(request.getScheme(), target.getPort())) {
                request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current());
            }
        });
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : "http".equalsIgnoreCase(scheme) ? 80 : 443;
    }
}
