package io.camelparadigm.examples.uploader;

import java.util.Arrays;

/**
 * A set of Paradigm file ids (positive longs) in a plain {@code long[]}: 8 to 16 bytes an id instead of the ~60 of a
 * {@code HashSet<Long>}, so the documents still being processed take little memory even when there are many.
 * Open addressing with linear probing; removal shifts the following entries back (no tombstones). Not thread-safe.
 */
final class FileIdSet {

    private static final long EMPTY = 0;
    private static final int MIN_CAPACITY = 64;

    private long[] ids = new long[MIN_CAPACITY];
    private int size;

    /** @return false if the id was already there */
    boolean add(long id) {
        requirePositive(id);
        if ((size + 1) * 4L > ids.length * 3L) {
            resize(ids.length * 2);
        }
        int slot = slotOf(id, ids);
        if (ids[slot] == id) {
            return false;
        }
        ids[slot] = id;
        size++;
        return true;
    }

    boolean contains(long id) {
        return id > 0 && ids[slotOf(id, ids)] == id;
    }

    /** @return false if the id was not there */
    boolean remove(long id) {
        if (id <= 0) {
            return false;
        }
        int mask = ids.length - 1;
        int slot = slotOf(id, ids);
        if (ids[slot] != id) {
            return false;
        }
        ids[slot] = EMPTY;
        size--;
        // move back each following entry that no longer sits after its home slot
        for (int next = slot + 1 & mask; ids[next] != EMPTY; next = next + 1 & mask) {
            int home = home(ids[next], mask);
            boolean reachable = slot <= next ? home <= slot || home > next : home <= slot && home > next;
            if (reachable) {
                ids[slot] = ids[next];
                ids[next] = EMPTY;
                slot = next;
            }
        }
        if (ids.length > MIN_CAPACITY && size * 8L < ids.length) {
            resize(ids.length / 2);
        }
        return true;
    }

    int size() {
        return size;
    }

    /** Up to {@code max} of the ids, in no particular order. */
    long[] some(int max) {
        long[] found = new long[Math.min(max, size)];
        int count = 0;
        for (int i = 0; i < ids.length && count < found.length; i++) {
            if (ids[i] != EMPTY) {
                found[count++] = ids[i];
            }
        }
        return found;
    }

    private void resize(int capacity) {
        long[] old = ids;
        ids = new long[capacity];
        for (long id : old) {
            if (id != EMPTY) {
                ids[slotOf(id, ids)] = id;
            }
        }
    }

    private static int slotOf(long id, long[] table) {
        int mask = table.length - 1;
        int slot = home(id, mask);
        while (table[slot] != EMPTY && table[slot] != id) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private static int home(long id, int mask) {
        long mixed = id * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ mixed >>> 32) & mask;
    }

    private static void requirePositive(long id) {
        if (id <= 0) {
            throw new IllegalArgumentException("file ids are positive, not " + id);
        }
    }

    @Override
    public String toString() {
        return "FileIdSet" + Arrays.toString(some(10)) + (size > 10 ? "... (" + size + ")" : "");
    }
}
