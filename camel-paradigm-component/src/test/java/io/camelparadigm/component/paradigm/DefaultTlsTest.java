package io.camelparadigm.component.paradigm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.camelparadigm.component.paradigm.client.ParadigmException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Without SSL context parameters the component's client makes the JVM's default TLS on its first https connection,
 * never for an http:// service, and that TLS checks the server's certificate; SSL context parameters replace it.
 * Against real servers on 127.0.0.1: an http one and an https one with a self-signed certificate made here.
 */
class DefaultTlsTest {

    private static final String STORE_PASSWORD = "test-store-password";

    @TempDir
    static Path dir;
    private static Path trustStore;
    private static HttpServer http;
    private static HttpsServer https;
    private static final AtomicInteger HTTPS_REQUESTS = new AtomicInteger();

    private final CamelContext camelContext = new DefaultCamelContext();
    private final AtomicInteger defaultTlsMade = new AtomicInteger();
    private final Supplier<TlsSocketStrategy> countedDefaultTls = () -> {
        defaultTlsMade.incrementAndGet();
        return DefaultClientTlsStrategy.createDefault();
    };

    @BeforeAll
    static void startServers() throws Exception {
        Path serverKeys = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", serverKeys.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", serverKeys.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);

        http = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        http.createContext("/", exchange -> answer(exchange, "plain"));
        http.start();

        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(KeyStore.getInstance(serverKeys.toFile(), STORE_PASSWORD.toCharArray()),
                STORE_PASSWORD.toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        https = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        https.createContext("/", exchange -> {
            HTTPS_REQUESTS.incrementAndGet();
            answer(exchange, "over tls");
        });
        https.start();
    }

    @AfterAll
    static void stopServers() {
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
    }

    @AfterEach
    void stopCamel() {
        camelContext.stop();
    }

    @Test
    void aClientOfAnHttpServiceMakesNoTlsUntilItsFirstHttpsConnectionWhichUsesTheDefaultOne() throws Exception {
        HTTPS_REQUESTS.set(0);
        try (CloseableHttpClient client = factory(null).create()) {
            assertThat(get(client, "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v3/workspaces"))
                    .isEqualTo("plain");
            assertThat(defaultTlsMade).as("default TLS made by a client that spoke http only").hasValue(0);

            assertThatThrownBy(() -> get(client, httpsUrl())).isInstanceOf(SSLHandshakeException.class);
            assertThat(defaultTlsMade).as("default TLS made by the first https connection").hasValue(1);
            assertThatThrownBy(() -> get(client, httpsUrl())).isInstanceOf(SSLHandshakeException.class);
            assertThat(defaultTlsMade).as("default TLS made again by the second https connection").hasValue(1);
        }
        assertThat(HTTPS_REQUESTS).as("requests the https server read").hasValue(0);
    }

    @Test
    void theDefaultTlsRefusesAServerTheJvmDoesNotTrustAndTheRouteSaysWhy() {
        HTTPS_REQUESTS.set(0);
        camelContext.start();
        Throwable failure = catchThrowable(() -> camelContext.createProducerTemplate().requestBody(
                "paradigm:listWorkspaces?apiKey=k-tls&maxRetries=5&baseUrl=" + httpsUrl(), (Object) null));

        assertThat(failure.getCause()).isInstanceOf(ParadigmException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
        assertThat(failure.getCause().getMessage())
                .startsWith("listWorkspaces: GET " + httpsUrl() + "/api/v3/workspaces failed: the server's TLS certificate is not "
                            + "trusted (javax.net.ssl.SSLHandshakeException: ")
                .contains("certification path", "sslContextParameters")
                .as("a certificate the JVM does not trust is not tried again").doesNotContain("gave up after");
        assertThat(HTTPS_REQUESTS).as("requests the https server read").hasValue(0);
    }

    @Test
    void sslContextParametersTrustingTheServerReachItWithoutMakingTheDefaultTls() throws Exception {
        KeyStoreParameters trusted = new KeyStoreParameters();
        trusted.setCamelContext(camelContext);
        trusted.setResource("file:" + trustStore);
        trusted.setType("PKCS12");
        trusted.setPassword(STORE_PASSWORD);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setCamelContext(camelContext);
        trustManagers.setKeyStore(trusted);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setCamelContext(camelContext);
        ssl.setTrustManagers(trustManagers);

        try (CloseableHttpClient client = factory(ssl).create()) {
            assertThat(get(client, httpsUrl() + "/api/v3/workspaces")).isEqualTo("over tls");
        }
        assertThat(defaultTlsMade).as("default TLS made").hasValue(0);
    }

    private ParadigmHttpClientFactory factory(SSLContextParameters ssl) {
        return new ParadigmHttpClientFactory(camelContext, 4, 10_000, null, null, ssl, null, countedDefaultTls);
    }

    private static String httpsUrl() {
        return "https://127.0.0.1:" + https.getAddress().getPort();
    }

    private static String get(CloseableHttpClient client, String url) throws IOException {
        return client.execute(new HttpGet(url), response -> EntityUtils.toString(response.getEntity()));
    }

    private static void answer(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (exchange) {
            exchange.getResponseBody().write(body);
        }
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(2, TimeUnit.MINUTES)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }
}
