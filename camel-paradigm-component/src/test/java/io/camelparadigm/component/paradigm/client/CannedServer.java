package io.camelparadigm.component.paradigm.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * A real HTTP server on 127.0.0.1 that answers every request with the JSON it was given: for feeding the client
 * answers the emulator would never send (the vendor's examples, broken links). Records the requests' paths.
 */
final class CannedServer implements AutoCloseable {

    private final HttpServer server;
    private final CloseableHttpClient http = HttpClients.createDefault();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";

    CannedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Answers every request from now on with this status and JSON body. */
    CannedServer answer(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    List<String> requests() {
        return requests;
    }

    ParadigmClient client() {
        return new ParadigmClient(http, "http://127.0.0.1:" + server.getAddress().getPort(), "test-key",
                Duration.ofSeconds(30));
    }

    @Override
    public void close() throws IOException {
        http.close();
        server.stop(0);
    }
}
