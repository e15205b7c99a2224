package io.camelparadigm.component.paradigm;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocket;

import org.apache.camel.util.function.Suppliers;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The TLS strategy made on the first https connection. HttpClient's default one reads the JVM's trust store and the
 * public suffix list when the client is built (a tenth of a second of a command-line run's start), which a client of
 * an http:// service (the emulator, a service behind a local TLS-terminating proxy) never uses.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

    private final Supplier<TlsSocketStrategy> strategy;

    LazyTlsStrategy(Supplier<TlsSocketStrategy> strategy) {
        this.strategy = Suppliers.memorize(strategy);
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy.get().upgrade(socket, target, port, attachment, context);
    }
}
