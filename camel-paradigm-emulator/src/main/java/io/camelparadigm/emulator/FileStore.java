package io.camelparadigm.emulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * All documents, in id order, indexed by what the list endpoint filters on (external id, upload session,
 * workspace, creation time, and the latest instant a document can change, which {@code updated_at_after} compares
 * with), so that a look-up or a poll over a million documents reads only the documents that can match, as a
 * database's indexes would: a page asked for by key ({@code created_at_after} the last document read) reads the
 * documents created since, not every document changed since the listing began.
 */
final class FileStore {

    static final long FIRST_ID = 10_001;

    private final long stepMicros;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Document> documents = new ArrayList<>();
    private final Map<Long, Document> byId = new HashMap<>();
    private final Map<String, List<Document>> byExternalId = new HashMap<>();
    private final Map<String, List<Document>> bySession = new HashMap<>();
    private final Map<Long, List<Document>> byWorkspace = new HashMap<>();
    /** Keyed by {@link Document#latestPossibleUpdateMicros}, as of the last add or edit. */
    private final NavigableMap<Long, List<Document>> byLatestUpdate = new TreeMap<>();
    private final Map<Long, Long> latestUpdateKeys = new HashMap<>();
    private final NavigableMap<Long, List<Document>> byCreation = new TreeMap<>();
    private long nextId = FIRST_ID;

    /** @param stepMicros the processing step, which bounds when a document's last transition can be */
    FileStore(long stepMicros) {
        this.stepMicros = stepMicros;
    }

    /** Stores the document {@code factory} builds for the next id. */
    Document add(LongFunction<Document> factory) {
        lock.writeLock().lock();
        try {
            Document document = factory.apply(nextId++);
            documents.add(document);
            byId.put(document.id, document);
            addTo(byExternalId, document.externalId(), document);
            addTo(bySession, document.uploadSessionUuid, document);
            addTo(byWorkspace, document.workspace.id(), document);
            addTo(byCreation, document.createdAtMicros, document);
            indexLatestUpdate(document);
            return document;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies an edit of a stored document (tags, status_vision, a PATCH) and moves it in the indexes it changes
     * (updated_at, external id), so that no listing sees it half-way.
     */
    <T> T edit(Document document, Function<Document, T> edit) {
        lock.writeLock().lock();
        try {
            removeFrom(byLatestUpdate, latestUpdateKeys.remove(document.id), document);
            String externalIdBefore = document.externalId();
            T result = edit.apply(document);
            indexLatestUpdate(document);
            if (!Objects.equals(externalIdBefore, document.externalId())) {
                removeFrom(byExternalId, externalIdBefore, document);
                addTo(byExternalId, document.externalId(), document);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Work done under the store's write lock: what it reads cannot change until it is over. */
    @FunctionalInterface
    interface Exclusive<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code work} with no other edit or listing of the store in between (checks, then changes, at once). */
    <T, E extends Exception> T exclusively(Exclusive<T, E> work) throws E {
        lock.writeLock().lock();
        try {
            return work.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes these documents (those still stored) from the store and every index, at once. */
    void removeAll(Collection<Document> removed) {
        lock.writeLock().lock();
        try {
            Set<Long> ids = new HashSet<>();
            for (Document document : removed) {
                if (byId.remove(document.id) != null) {
                    ids.add(document.id);
                    removeFrom(byExternalId, document.externalId(), document);
                    removeFrom(bySession, document.uploadSessionUuid, document);
                    removeFrom(byWorkspace, document.workspace.id(), document);
                    removeFrom(byCreation, document.createdAtMicros, document);
                    removeFrom(byLatestUpdate, latestUpdateKeys.remove(document.id), document);
                }
            }
            documents.removeIf(document -> ids.contains(document.id));
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

    /**
     * Calls {@code action} for every document that can match {@code query}, found through the narrowest index the
     * query names: a superset of the matches, which the caller still filters.
     */
    void forEachCandidate(FileQuery query, Consumer<Document> action) {
        lock.readLock().lock();
        try {
            if (query.externalId != null) {
                byExternalId.getOrDefault(query.externalId, List.of()).forEach(action);
            } else if (query.uploadSessionUuid != null) {
                bySession.getOrDefault(query.uploadSessionUuid, List.of()).forEach(action);
            } else if (query.createdAfter != null
                       && (query.updatedAfter == null || query.createdAfter >= query.updatedAfter)) {
                // created at or after createdAfter, hence changed at or after it too: a subset of the updated_at tail
                createdWithin(query).values().forEach(bucket -> bucket.forEach(action));
            } else if (query.updatedAfter != null) {
                changedBetween(query).values().forEach(bucket -> bucket.forEach(action));
            } else if (query.workspaceIds != null) {
                query.workspaceIds.forEach(id -> byWorkspace.getOrDefault(id, List.of()).forEach(action));
            } else {
                documents.forEach(action);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * True when the candidates of {@code query} are best read from the creation-time index (no narrower index
     * applies), so that {@link #walkInCreationOrder} can give them in the order of created_at.
     */
    boolean readsCreationIndex(FileQuery query) {
        return query.externalId == null && query.uploadSessionUuid == null
               && (query.createdAfter != null
                   ? query.updatedAfter == null || query.createdAfter >= query.updatedAfter
                   : query.updatedAfter == null);
    }

    /**
     * Offers {@code visit} the documents created within the query's bounds on created_at (and before its
     * updated_at_before: a document changes after it is created) in the order of created_at then id, ascending or
     * descending, as a database walks an index, until {@code visit} answers false.
     */
    void walkInCreationOrder(FileQuery query, boolean descending, Predicate<Document> visit) {
        lock.readLock().lock();
        try {
            NavigableMap<Long, List<Document>> range = createdWithin(query);
            for (List<Document> bucket : (descending ? range.descendingMap() : range).values()) {
                for (int i = 0; i < bucket.size(); i++) {
                    if (!visit.test(bucket.get(descending ? bucket.size() - 1 - i : i))) {
                        return;
                    }
                }
            }
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
            byExternalId.clear();
            bySession.clear();
            byWorkspace.clear();
            byLatestUpdate.clear();
            latestUpdateKeys.clear();
            byCreation.clear();
            nextId = FIRST_ID;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Created within created_at_after and created_at_before, and not after updated_at_before (updated >= created). */
    private NavigableMap<Long, List<Document>> createdWithin(FileQuery query) {
        Long until = query.createdBefore;
        if (query.updatedBefore != null && (until == null || query.updatedBefore < until)) {
            until = query.updatedBefore;
        }
        long from = query.createdAfter != null ? query.createdAfter : Long.MIN_VALUE;
        return until == null ? byCreation.tailMap(from, true)
                : until < from ? Collections.emptyNavigableMap()
                : byCreation.subMap(from, true, until, true);
    }

    /**
     * Documents that can have changed within [updated_at_after, updated_at_before]: one whose updated_at is at most
     * updated_at_before started its processing and was last edited by then, so its last transition is due at most
     * the longest processing later.
     */
    private NavigableMap<Long, List<Document>> changedBetween(FileQuery query) {
        if (query.updatedBefore == null) {
            return byLatestUpdate.tailMap(query.updatedAfter, true);
        }
        long latest = query.updatedBefore + ProcessingPlan.mostTransitions() * stepMicros;
        return latest < query.updatedAfter ? Collections.emptyNavigableMap()
                : byLatestUpdate.subMap(query.updatedAfter, true, latest, true);
    }

    private void indexLatestUpdate(Document document) {
        long key = document.latestPossibleUpdateMicros(stepMicros);
        latestUpdateKeys.put(document.id, key);
        addTo(byLatestUpdate, key, document);
    }

    private static <K> void removeFrom(Map<K, List<Document>> index, K key, Document document) {
        if (key != null) {
            List<Document> bucket = index.get(key);
            if (bucket != null && bucket.remove(document) && bucket.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static <K> void addTo(Map<K, List<Document>> index, K key, Document document) {
        if (key != null) {
            index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(document);
        }
    }
}
