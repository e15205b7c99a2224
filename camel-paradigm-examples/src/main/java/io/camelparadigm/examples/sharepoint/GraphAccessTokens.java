package io.camelparadigm.examples.sharepoint;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * App-only access to Microsoft Graph: a token from the Microsoft identity platform's client-credentials grant
 * ({@code POST /{tenant}/oauth2/v2.0/token}), kept until {@code refreshMargin} before it expires and dropped when
 * Graph answers 401. The routes put it on the requests to Graph
 * ({@link io.camelparadigm.examples.http.HostAuthorization}).
 */
public final class GraphAccessTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate template;
    private final String tokenEndpointUri;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Duration refreshMargin;
    private final Clock clock;
    private String token;
    private Instant refreshAt = Instant.MIN;

    /**
     * @param tokenEndpointUri camel-http URI of the token endpoint, e.g.
     *                         {@code https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token}
     * @param refreshMargin    how long before its expiry a token is replaced
     */
    public GraphAccessTokens(ProducerTemplate template, String tokenEndpointUri, String clientId, String clientSecret,
                             String scope, Duration refreshMargin, Clock clock) {
        this.template = template;
        this.tokenEndpointUri = tokenEndpointUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    /** A token valid for at least the refresh margin, requested when the one held is older. */
    public synchronized String current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(refreshAt)) {
            TokenResponse response = request();
            token = response.accessToken();
            refreshAt = now.plusSeconds(response.expiresIn()).minus(refreshMargin);
        }
        return token;
    }

    /** Graph refused the token (401): the next request gets a new one. */
    public synchronized void invalidate() {
        token = null;
    }

    private TokenResponse request() {
        String form = WWWFormCodec.format(List.of(
                new BasicNameValuePair("client_id", clientId),
                new BasicNameValuePair("client_secret", clientSecret),
                new BasicNameValuePair("scope", scope),
                new BasicNameValuePair("grant_type", "client_credentials")), StandardCharsets.UTF_8);
        Exchange answer = template.request(tokenEndpointUri, exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            exchange.getMessage().setBody(form);
        });
        if (answer.getException() != null) {
            // camel-http's message names the URI and the identity platform's error, never the form sent
            throw new IllegalStateException("No Graph access token for client " + clientId + ": "
                                            + answer.getException().getMessage(), answer.getException());
        }
        try (InputStream body = answer.getMessage().getBody(InputStream.class)) {
            return JSON.readValue(body, TokenResponse.class);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable answer from the token endpoint " + tokenEndpointUri, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
