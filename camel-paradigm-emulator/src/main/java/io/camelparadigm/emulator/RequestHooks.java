package io.camelparadigm.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** What tests asked to run as each request arrives ({@link ParadigmEmulator#onRequest}). */
final class RequestHooks {

    private final List<Consumer<RecordedRequest>> hooks = new CopyOnWriteArrayList<>();

    void add(Consumer<RecordedRequest> hook) {
        hooks.add(hook);
    }

    void run(RequestLog.Entry request) {
        if (!hooks.isEmpty()) {
            RecordedRequest recorded = request.toRecord();
            hooks.forEach(hook -> hook.accept(recorded));
        }
    }

    void clear() {
        hooks.clear();
    }
}
