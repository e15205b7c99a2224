package io.camelparadigm.component.paradigm.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The address of a Paradigm instance as users paste it ({@code https://paradigm.example.com},
 * {@code https://paradigm.example.com/}, {@code .../api/v3}), checked and put in the one form requests are built
 * on: http or https, a host, an optional port and path prefix, no trailing {@code /} or {@code /api/v3}.
 */
public final class BaseUrl {

    private static final String API_PATH = "/api/v3";

    private BaseUrl() {
    }

    /**
     * @throws IllegalArgumentException naming {@code baseUrl}, the value (unless it holds credentials) and what to
     *                                  write instead
     */
    public static URI parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("baseUrl is blank: set it to your Paradigm instance, e.g. "
                                               + "https://paradigm.lighton.ai");
        }
        String text = value.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl '" + text + "' is not a URL: " + e.getReason()
                                               + " at index " + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!text.contains("://")) {
            throw new IllegalArgumentException("baseUrl '" + text + "' does not start with http:// or https://: "
                                               + "write e.g. https://" + text);
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("baseUrl '" + text + "' uses " + scheme + ": Paradigm is reached "
                                               + "over https (or http)");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl holds a user name or password (not shown here): remove it, "
                                               + "the API key goes in the apiKey option");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl '" + text + "' has no host name that can be read (letters, "
                                               + "digits, '-' and '.')");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl '" + text + "' has a query or a fragment: give only the "
                                               + "address of the instance, e.g. " + scheme + "://"
                                               + uri.getRawAuthority());
        }
        String path = withoutTrailingSlashes(uri.getRawPath());
        if (path.endsWith(API_PATH)) {
            path = withoutTrailingSlashes(path.substring(0, path.length() - API_PATH.length()));
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static String withoutTrailingSlashes(String path) {
        String result = path == null ? "" : path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
