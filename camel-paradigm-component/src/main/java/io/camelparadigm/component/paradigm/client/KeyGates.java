package io.camelparadigm.component.paradigm.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link KeyGate} per Paradigm service and API key. Gates are found by a digest of the base URL and the key, so
 * the key is kept nowhere here and a gate shows only a short fingerprint of it. The first user of a key sets its
 * limit of requests in flight; a later one asking for another gets the same gate and a warning.
 */
public final class KeyGates {

    private static final Logger LOG = LoggerFactory.getLogger(KeyGates.class);

    /** The limit of requests in flight a key's gate is made with. */
    public record ConcurrencySettings(boolean adaptive, int initial, int max) {

        ConcurrencyGate create() {
            return ConcurrencyGate.adaptive(initial, max);
        }
    }

    private record Entry(KeyGate gate, ConcurrencySettings settings) {
    }

    private final Duration rateLimitPeriod;
    private final Map<String, Entry> gates = new ConcurrentHashMap<>();
    private final List<Consumer<KeyGate>> listeners = new CopyOnWriteArrayList<>();

    public KeyGates(Duration rateLimitPeriod) {
        this.rateLimitPeriod = rateLimitPeriod;
    }

    /**
     * The gate of this service and key, made on first use.
     *
     * @param user who asks (an endpoint), named in the warning when its settings differ from the gate's
     */
    public KeyGate gateFor(String baseUrl, String apiKey, ConcurrencySettings settings, String user) {
        String digest = digest(baseUrl + "\n" + apiKey);
        boolean[] created = {false};
        Entry entry = gates.computeIfAbsent(digest, d -> {
            created[0] = true;
            return new Entry(new KeyGate(baseUrl, "key-" + fingerprint(apiKey), settings.create(), rateLimitPeriod),
                    settings);
        });
        if (created[0]) {
            listeners.forEach(listener -> listener.accept(entry.gate()));
        } else if (settings.adaptive() && (settings.initial() != entry.settings().initial()
                                           || settings.max() != entry.settings().max())) {
            LOG.warn("{} asks for initialConcurrency={} and maxConcurrency={}, but the requests of its key ({} on {}) "
                     + "already share a limit made with {} and {}: every endpoint of a key shares one limit; set these "
                     + "options on the component to give them one value", user, settings.initial(), settings.max(),
                    entry.gate().keyId(), baseUrl, entry.settings().initial(), entry.settings().max());
        }
        return entry.gate();
    }

    /** Every gate made so far. */
    public List<KeyGate> all() {
        return gates.values().stream().map(Entry::gate).toList();
    }

    /** Called with each gate made from now on (for metrics that follow every key). */
    public void onNewGate(Consumer<KeyGate> listener) {
        listeners.add(listener);
    }

    /** A short fingerprint of a key: the first 8 hex digits of its SHA-256, as key listings show keys. */
    public static String fingerprint(String apiKey) {
        return digest(apiKey).substring(0, 8);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
