package io.camelparadigm.component.paradigm;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LazyTlsStrategyTest {

    private final AtomicInteger made = new AtomicInteger();
    private final List<String> upgraded = new ArrayList<>();
    private final TlsSocketStrategy counted = (socket, target, port, attachment, context) -> {
        synchronized (upgraded) {
            upgraded.add(target + ":" + port);
        }
        return null;
    };

    @Test
    void theStrategyIsMadeOnTheFirstTlsConnectionOnlyAndOnce() throws Exception {
        LazyTlsStrategy lazy = new LazyTlsStrategy(() -> {
            made.incrementAndGet();
            return counted;
        });
        assertThat(made).as("made before any https connection").hasValue(0);

        List<CompletableFuture<Void>> connections = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int port = 8443 + i;
            connections.add(CompletableFuture.runAsync(() -> {
                try {
                    lazy.upgrade(new Socket(), "paradigm.example.com", port, null, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(connections.toArray(CompletableFuture[]::new)).join();

        assertThat(made).hasValue(1);
        assertThat(upgraded).hasSize(8).contains("paradigm.example.com:8443", "paradigm.example.com:8450");
    }
}
