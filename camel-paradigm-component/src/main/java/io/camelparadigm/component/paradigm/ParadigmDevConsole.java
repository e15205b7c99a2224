package io.camelparadigm.component.paradigm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.camelparadigm.component.paradigm.client.KeyGate;
import io.camelparadigm.component.paradigm.consumer.ConsumerProgress;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The {@code paradigm} dev console: for each API key, its limit of requests in flight, requests, 429s, retries,
 * look-ups and last error (the key shows as a fingerprint); for each consumer, its state key, last poll, changes seen
 * and pending sessions.
 */
@DevConsole(name = "paradigm", displayName = "LightOn Paradigm",
            description = "Requests, limits and 429s of each Paradigm API key; progress of each Paradigm consumer")
public class ParadigmDevConsole extends AbstractDevConsole {

    public ParadigmDevConsole() {
        super("camel", "paradigm", "LightOn Paradigm",
              "Requests, limits and 429s of each Paradigm API key; progress of each Paradigm consumer");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        keys().forEach(gate -> text.append(KeyFigures.of(gate).toText()));
        for (Route route : consumerRoutes()) {
            ConsumerProgress consumer = (ConsumerProgress) route.getConsumer();
            text.append("Consumer ").append(route.getRouteId()).append(" (").append(operation(route)).append(")\n")
                    .append("    state key: ").append(consumer.getStateKey()).append('\n')
                    .append("    last poll: ").append(consumer.getLastPollTimestamp() == null ? "none yet"
                            : consumer.getLastPollTimestamp().toInstant()).append('\n')
                    .append("    changes seen: ").append(consumer.getChangesSeen())
                    .append(", pending sessions: ").append(consumer.getPendingSessions())
                    .append(", undelivered files: ").append(consumer.getUndeliveredFiles()).append('\n');
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        List<Map<String, Object>> keys = keys().map(gate -> KeyFigures.of(gate).toMap()).toList();
        List<Map<String, Object>> consumers = new ArrayList<>();
        for (Route route : consumerRoutes()) {
            ConsumerProgress consumer = (ConsumerProgress) route.getConsumer();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("routeId", route.getRouteId());
            json.put("operation", operation(route));
            json.put("stateKey", consumer.getStateKey());
            json.put("lastPoll", consumer.getLastPollTimestamp() == null ? null
                    : consumer.getLastPollTimestamp().toInstant().toString());
            json.put("changesSeen", consumer.getChangesSeen());
            json.put("pendingSessions", consumer.getPendingSessions());
            json.put("undeliveredFiles", consumer.getUndeliveredFiles());
            consumers.add(json);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("keys", keys);
        root.put("consumers", consumers);
        return root;
    }

    /** The gates of every paradigm component of the context (a context may name more than one). */
    private Stream<KeyGate> keys() {
        return getCamelContext().getComponentNames().stream()
                .map(name -> getCamelContext().hasComponent(name))
                .filter(ParadigmComponent.class::isInstance)
                .flatMap(component -> ((ParadigmComponent) component).keyGates().all().stream());
    }

    private List<Route> consumerRoutes() {
        return getCamelContext().getRoutes().stream()
                .filter(route -> route.getConsumer() instanceof ConsumerProgress)
                .toList();
    }

    private static String operation(Route route) {
        return "paradigm:" + ((ParadigmEndpoint) route.getEndpoint()).getOperation();
    }
}
