package io.camelparadigm.component.paradigm.consumer;

import java.util.HashMap;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/** Reads and writes a consumer's state as one value of a {@link StateRepository}. */
final class ConsumerStateStore {

    private final StateRepository<String, String> repository;
    private final String key;

    ConsumerStateStore(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    void start() {
        ServiceHelper.startService(repository);
    }

    /**
     * The state as stored now. A {@link FileStateRepository} keeps what it read when it started, so a consumer
     * that takes over from another instance (master:) would see a stale copy: its file is read afresh, and the
     * shared instance is brought up to date with it.
     */
    ConsumerState load() {
        String json;
        if (repository instanceof FileStateRepository fileRepository) {
            json = readFileStore(fileRepository);
            if (json != null && !json.equals(fileRepository.getState(key))) {
                fileRepository.setState(key, json);
            }
        } else {
            json = repository.getState(key);
        }
        return ConsumerState.fromJson(json);
    }

    void save(String stateJson) {
        repository.setState(key, stateJson);
    }

    String key() {
        return key;
    }

    private String readFileStore(FileStateRepository shared) {
        // A private reader, started (it loads the file) and dropped without stop(): stopping would rewrite the file.
        FileStateRepository reader = new FileStateRepository(shared.getFileStore(), new HashMap<>());
        reader.start();
        return reader.getState(key);
    }
}
