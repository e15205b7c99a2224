package io.camelparadigm.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/** All documents, in id order. Listing scans them; 100,000 documents scan in a few milliseconds. */
final class FileStore {

    static final long FIRST_ID = 10_001;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Document> documents = new ArrayList<>();
    private final Map<Long, Document> byId = new HashMap<>();
    private long nextId = FIRST_ID;

    /** Stores the document {@code factory} builds for the next id. */
    Document add(LongFunction<Document> factory) {
        lock.writeLock().lock();
        try {
            Document document = factory.apply(nextId++);
            documents.add(document);
            byId.put(document.id, document);
            return document;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Optional<Document> find(long id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    void forEach(Consumer<Document> action) {
        lock.readLock().lock();
        try {
            documents.forEach(action);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Document> all() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(documents);
        } finally {
            lock.readLock().unlock();
        }
    }

    void clear() {
        lock.writeLock().lock();
        try {
            documents.clear();
            byId.clear();
            nextId = FIRST_ID;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
