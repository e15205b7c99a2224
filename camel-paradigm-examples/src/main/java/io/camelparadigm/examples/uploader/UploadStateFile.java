package io.camelparadigm.examples.uploader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The uploader's state file, which is also its journal: for each file of the folder, whether its upload was
 * <b>started</b> (written before the request is sent) or is <b>done</b> (written once Paradigm stored the
 * document). After a crash, a file marked started and not done is one whose outcome is unknown; every other file
 * is answered locally. A done file also records the size and modification time it had when it was sent and its
 * document id, so that {@code --sync} tells a changed file from an unchanged one without reading it, and the run
 * that last saw it in the folder, so that {@code --delete-missing} finds the documents whose file is gone.
 *
 * <p>The file is an open-addressing hash table of 128-bit key hashes (SHA-256 of the key), memory-mapped: a check
 * or a mark is O(1), opening it reads nothing but its header (so resuming a million-file run starts at once), the
 * JVM heap holds none of it, and it stays compact (48 bytes a slot, at most 70 % full; it is rewritten twice as
 * large when full). A mark is a few 8-byte stores into the page cache, which a killed process ({@code kill -9})
 * does not lose; {@link #force()} (periodically and at close) writes it to the disk, which a power cut needs.
 *
 * <p>Thread-safe. Camel's {@code FileIdempotentRepository} does not fit a million keys in a small heap (it keeps
 * every key in memory and rereads the whole file when one is missing), and the {@code IdempotentRepository} SPI
 * has no "started, outcome unknown" state, which resuming after a crash needs.
 */
public final class UploadStateFile implements AutoCloseable {

    /** What the state file says about one key. */
    public enum Mark {
        /** Never started (or started and known to have failed before any request reached Paradigm). */
        NONE,
        /** Its upload was started and its outcome is not known: it may or may not be in Paradigm. */
        STARTED,
        /** Paradigm stored it (and, when asked with a size and a modification time, the file has not changed since). */
        DONE,
        /** Paradigm stored it, and the file's size or modification time differ from those recorded then. */
        CHANGED
    }

    /** A done file that the current run has not seen in the folder: its document, if the file is gone. */
    public record Unseen(int slot, long documentId) {
    }

    private static final byte[] MAGIC = "PRDGMST1".getBytes(StandardCharsets.US_ASCII);
    /** Magic, version, slot count, id (2 longs), identity length, identity text; the run number in the last 8 bytes. */
    private static final int HEADER_SIZE = 4096;
    private static final int IDENTITY_OFFSET = 40;
    private static final int RUN_OFFSET = HEADER_SIZE - Long.BYTES;
    private static final int MAX_IDENTITY_BYTES = RUN_OFFSET - IDENTITY_OFFSET;
    private static final int VERSION = 2;
    /** Version 1: 16-byte slots, the key hash only. */
    private static final int VERSION_1 = 1;
    private static final int SLOT_1 = 16;
    /** Key hash (2 longs), size, modification time, document id, last run that saw the file. */
    private static final int SLOT = 48;
    private static final int SIZE = 16;
    private static final int MODIFIED = 24;
    private static final int DOCUMENT = 32;
    private static final int SEEN = 40;
    private static final int MIN_SLOTS = 1 << 12;
    /** 1.5 GiB of slots (a mapped buffer holds at most 2 GiB): about 23 million files. */
    private static final int MAX_SLOTS = 1 << 25;
    /** High word of a slot: bit 63 = in use (so a used slot is never 0), bit 62 = done, the rest is hash. */
    private static final long USED = 1L << 63;
    private static final long DONE = 1L << 62;
    private static final long HASH_BITS = ~(USED | DONE);
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    });

    private final Path path;
    private final String identity;
    private final UUID id;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private FileChannel channel;
    private MappedByteBuffer table;
    private int slots;
    private int used;
    private int done;
    private long run;

    private UploadStateFile(Path path, String identity, UUID id) {
        this.path = path;
        this.identity = identity;
        this.id = id;
    }

    /**
     * Opens the state file at {@code path}, creating it when missing. A file in the former format (one key per
     * line, Camel's {@code FileIdempotentRepository}) is converted, each key counting as done.
     *
     * @param identity what the state is about (folder, instance, workspace): a file written for another identity
     *                 is refused
     * @throws IllegalArgumentException when the file belongs to another identity or is not a state file
     */
    public static UploadStateFile open(Path path, String identity) {
        byte[] identityBytes = identity.getBytes(StandardCharsets.UTF_8);
        if (identityBytes.length > MAX_IDENTITY_BYTES) {
            throw new IllegalArgumentException("the state file's identity is too long (" + identityBytes.length
                                               + " bytes): " + identity);
        }
        try {
            Path absolute = path.toAbsolutePath();
            if (Files.exists(absolute) && Files.size(absolute) > 0 && !hasMagic(absolute)) {
                return convertLegacy(absolute, identity);
            }
            if (Files.exists(absolute) && Files.size(absolute) > 0) {
                return existing(absolute, identity);
            }
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            return created(absolute, identity, UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the state file " + path + ": " + e.getMessage(), e);
        }
    }

    /** This state's own id, written into each document's metadata to recognise what its runs uploaded. */
    public UUID id() {
        return id;
    }

    public Path path() {
        return path;
    }

    /** Whether {@code key} was uploaded, whatever its file became since. */
    public Mark mark(String key) {
        Mark mark = mark(key, -1, -1);
        return mark == Mark.CHANGED ? Mark.DONE : mark;
    }

    /** Whether {@code key} was uploaded, and if so whether its file still has the size and modification time recorded. */
    public Mark mark(String key, long size, long modified) {
        long[] hash = hash(key);
        lock.readLock().lock();
        try {
            return markAt(slotOffset(find(hash)), size, modified);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * As {@link #mark(String, long, long)}, and records that the current run (see {@link #beginRun()}) found the
     * file in the folder.
     */
    public Mark sight(String key, long size, long modified) {
        long[] hash = hash(key);
        lock.writeLock().lock();
        try {
            int offset = slotOffset(find(hash));
            Mark mark = markAt(offset, size, modified);
            if (mark != Mark.NONE) {
                table.putLong(offset + SEEN, run);
            }
            return mark;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * How many files {@link #folderDone} recorded for {@code key} with the modification time {@code modified};
     * -1 when it recorded none, or with another time.
     */
    public long folderFiles(String key, long modified) {
        long[] hash = hash(key);
        lock.readLock().lock();
        try {
            int offset = slotOffset(find(hash));
            return (table.getLong(offset) & DONE) != 0 && table.getLong(offset + MODIFIED) == modified
                    ? table.getLong(offset + SIZE) : -1;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Records that every one of the {@code files} files of a folder, as it was at {@code modified}, is done. */
    public void folderDone(String key, long modified, long files) {
        write(key, true, files, modified, 0);
    }

    /** Marks {@code key} started, before its upload is sent; a key already done stays done. */
    public void started(String key) {
        write(key, false, 0, 0, 0);
    }

    /** Marks {@code key} done: Paradigm stored it; nothing known about the file or the document. */
    public void done(String key) {
        write(key, true, 0, 0, 0);
    }

    /**
     * Marks {@code key} done: Paradigm stored (or replaced) document {@code documentId} from the file as it was with
     * {@code size} and {@code modified}.
     */
    public void done(String key, long size, long modified, long documentId) {
        write(key, true, size, modified, documentId);
    }

    /**
     * Starts a sync run: from now on, {@link #sight} and {@link #done} record this run as the last to have seen a
     * file, and {@link #unseen} lists the done files it did not see. Written at once, so a killed run counts.
     */
    public long beginRun() {
        lock.writeLock().lock();
        try {
            run++;
            channel.write(ByteBuffer.allocate(Long.BYTES).putLong(0, run), RUN_OFFSET);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the state file " + path + ": " + e.getMessage(), e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Up to {@code max} done files with a known document that the current run did not see, from slot
     * {@code fromSlot} on (the next call starts after the last slot returned). Meant for when no upload is running:
     * a growing table moves the slots.
     */
    public List<Unseen> unseen(int fromSlot, int max) {
        List<Unseen> found = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (int slot = fromSlot; slot < slots && found.size() < max; slot++) {
                int offset = slotOffset(slot);
                long documentId = table.getLong(offset + DOCUMENT);
                if ((table.getLong(offset) & DONE) != 0 && documentId > 0 && table.getLong(offset + SEEN) != run) {
                    found.add(new Unseen(slot, documentId));
                }
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The file of {@code slot} is still there (though the walk did not upload it): not unseen any more. */
    public void seen(int slot) {
        lock.writeLock().lock();
        try {
            table.putLong(slotOffset(slot) + SEEN, run);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The document of {@code slot} was deleted: the slot forgets it, and should the file come back it reads
     * {@link Mark#CHANGED}, which sends it again.
     */
    public void forget(int slot) {
        lock.writeLock().lock();
        try {
            int offset = slotOffset(slot);
            table.putLong(offset + DOCUMENT, 0);
            table.putLong(offset + SIZE, 0);
            table.putLong(offset + MODIFIED, 0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Keys marked done. */
    public int doneCount() {
        lock.readLock().lock();
        try {
            return done;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Keys marked started and not done: uploads whose outcome is unknown. */
    public int startedCount() {
        lock.readLock().lock();
        try {
            return used - done;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Size of the file in bytes. */
    public long fileSize() {
        lock.readLock().lock();
        try {
            return HEADER_SIZE + (long) slots * SLOT;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes what the page cache holds to the disk (survives a power cut, not only a killed process). */
    public void force() {
        lock.readLock().lock();
        try {
            if (table != null) {
                table.force();
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (table != null) {
                table.force();
                table = null;
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the state file " + path, e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "UploadStateFile[" + path + ", " + identity + "]";
    }

    private Mark markAt(int offset, long size, long modified) {
        long high = table.getLong(offset);
        if (high == 0) {
            return Mark.NONE;
        }
        if ((high & DONE) == 0) {
            return Mark.STARTED;
        }
        return table.getLong(offset + SIZE) == size && table.getLong(offset + MODIFIED) == modified
                ? Mark.DONE : Mark.CHANGED;
    }

    private void write(String key, boolean markDone, long size, long modified, long documentId) {
        long[] hash = hash(key);
        lock.writeLock().lock();
        try {
            int slot = find(hash);
            int offset = slotOffset(slot);
            long high = table.getLong(offset);
            if (markDone) {
                // before the done bit: a process killed in between leaves a file that is sent again, never one
                // wrongly taken as unchanged
                table.putLong(offset + SIZE, size);
                table.putLong(offset + MODIFIED, modified);
                table.putLong(offset + DOCUMENT, documentId);
            }
            table.putLong(offset + SEEN, run);
            if (high == 0) {
                // the low word first: a process killed between the two stores leaves a slot that still reads empty
                table.putLong(offset + Long.BYTES, hash[1]);
                table.putLong(offset, hash[0] | USED | (markDone ? DONE : 0));
                used++;
                if (markDone) {
                    done++;
                }
                if (used > slots / 10 * 7) {
                    grow();
                }
            } else if (markDone && (high & DONE) == 0) {
                table.putLong(offset, high | DONE);
                done++;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The slot holding {@code hash}, or the empty slot where it would go (linear probing). */
    private int find(long[] hash) {
        int mask = slots - 1;
        int slot = (int) hash[1] & mask;
        while (true) {
            int offset = slotOffset(slot);
            long high = table.getLong(offset);
            if (high == 0 || (high & HASH_BITS) == hash[0] && table.getLong(offset + Long.BYTES) == hash[1]) {
                return slot;
            }
            slot = slot + 1 & mask;
        }
    }

    /** Copies every slot into a file twice as large, then puts it in place of this one (atomically). */
    private void grow() {
        if (slots >= MAX_SLOTS) {
            throw new IllegalStateException("The state file " + path + " is full (" + used + " files)");
        }
        Path bigger = path.resolveSibling(path.getFileName() + ".resize");
        UploadStateFile copy = new UploadStateFile(bigger, identity, id);
        try {
            writeEmpty(bigger, slots * 2, identity, id, run);
            copy.map(bigger);
            for (int slot = 0; slot < slots; slot++) {
                int offset = slotOffset(slot);
                if (table.getLong(offset) != 0) {
                    copy.insertCopied(table, offset, SLOT);
                }
            }
            copy.table.force();
            copy.channel.close();
            channel.close();
            Files.move(bigger, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            map(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot grow the state file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Inserts the slot at {@code from}/{@code offset} of a table whose slots are {@code slotSize} bytes. */
    private void insertCopied(ByteBuffer from, int offset, int slotSize) {
        long high = from.getLong(offset);
        long low = from.getLong(offset + Long.BYTES);
        int target = slotOffset(find(new long[] {high & HASH_BITS, low}));
        for (int field = 2 * Long.BYTES; field < slotSize; field += Long.BYTES) {
            table.putLong(target + field, from.getLong(offset + field));
        }
        table.putLong(target + Long.BYTES, low);
        table.putLong(target, high);
        used++;
        if ((high & DONE) != 0) {
            done++;
        }
    }

    /** A new, empty state file at {@code file}, written beside it first so a crash never leaves half a header. */
    private static UploadStateFile created(Path file, String identity, UUID id) throws IOException {
        return created(file, identity, id, MIN_SLOTS);
    }

    private static UploadStateFile created(Path file, String identity, UUID id, int slotCount) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        writeEmpty(partial, slotCount, identity, id, 0);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        UploadStateFile state = new UploadStateFile(file, identity, id);
        state.map(file);
        return state;
    }

    private static void writeEmpty(Path file, int slotCount, String identity, UUID id, long run) throws IOException {
        byte[] identityBytes = identity.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        header.put(MAGIC).putInt(VERSION).putInt(slotCount)
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .putInt(identityBytes.length).put(identityBytes);
        header.putLong(RUN_OFFSET, run);
        header.clear();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(header, 0);
            // a sparse file of zeroes: empty slots
            out.write(ByteBuffer.allocate(1), HEADER_SIZE + (long) slotCount * SLOT - 1);
        }
    }

    private void map(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        channel.read(header, 0);
        slots = header.getInt(MAGIC.length + Integer.BYTES);
        run = header.getLong(RUN_OFFSET);
        table = channel.map(FileChannel.MapMode.READ_WRITE, HEADER_SIZE, (long) slots * SLOT);
    }

    private static UploadStateFile existing(Path file, String identity) throws IOException {
        if (Files.size(file) < HEADER_SIZE) {
            throw damaged(file, "a cut-off header");
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER_SIZE);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            in.read(header, 0);
        }
        header.flip().position(MAGIC.length);
        int version = header.getInt();
        int slotCount = header.getInt();
        UUID id = new UUID(header.getLong(), header.getLong());
        int identityLength = header.getInt();
        int slotSize = version == VERSION_1 ? SLOT_1 : SLOT;
        if (version != VERSION && version != VERSION_1 || Integer.bitCount(slotCount) != 1 || identityLength < 0
            || identityLength > MAX_IDENTITY_BYTES
            || Files.size(file) < HEADER_SIZE + (long) slotCount * slotSize) {
            throw damaged(file, "format " + version);
        }
        byte[] identityBytes = new byte[identityLength];
        header.get(identityBytes);
        String written = new String(identityBytes, StandardCharsets.UTF_8);
        if (!written.equals(identity)) {
            throw new IllegalArgumentException("The state file " + file + " belongs to another upload (" + written
                                               + "), not to this one (" + identity + "): use another --state-file");
        }
        if (slotSize == SLOT_1) {
            return convertVersion1(file, identity, id, slotCount);
        }
        UploadStateFile state = new UploadStateFile(file, identity, id);
        state.map(file);
        state.count();
        return state;
    }

    /**
     * Rewrites a version-1 state file (key hashes only) in this format, keeping its id: each file keeps its mark, with
     * no size, time or document recorded, so a {@code --sync} compares its content once. Kept beside as {@code .v1}.
     */
    private static UploadStateFile convertVersion1(Path file, String identity, UUID id, int slotCount)
            throws IOException {
        Path former = file.resolveSibling(file.getFileName() + ".v1");
        Files.move(file, former, StandardCopyOption.REPLACE_EXISTING);
        UploadStateFile state = created(file, identity, id, Math.min(MAX_SLOTS, slotCount));
        try (FileChannel in = FileChannel.open(former, StandardOpenOption.READ)) {
            ByteBuffer oldTable = in.map(FileChannel.MapMode.READ_ONLY, HEADER_SIZE, (long) slotCount * SLOT_1);
            for (int slot = 0; slot < slotCount; slot++) {
                if (oldTable.getLong(slot * SLOT_1) != 0) {
                    state.insertCopied(oldTable, slot * SLOT_1, SLOT_1);
                }
            }
        }
        state.force();
        return state;
    }

    private static IllegalArgumentException damaged(Path file, String what) {
        return new IllegalArgumentException("The state file " + file + " is damaged or was written by another "
                                            + "version (" + what + "); use another --state-file");
    }

    /** Counts the used and done slots: the header holds no count, so a killed process leaves none stale. */
    private void count() {
        for (int slot = 0; slot < slots; slot++) {
            long high = table.getLong(slotOffset(slot));
            if (high != 0) {
                used++;
                if ((high & DONE) != 0) {
                    done++;
                }
            }
        }
    }

    /** Reads a state file of the former format (one key per line), kept beside as {@code <file>.v0}. */
    private static UploadStateFile convertLegacy(Path file, String identity) throws IOException {
        Path legacy = file.resolveSibling(file.getFileName() + ".v0");
        Files.move(file, legacy, StandardCopyOption.REPLACE_EXISTING);
        UploadStateFile state = created(file, identity, UUID.randomUUID());
        try (BufferedReader keys = Files.newBufferedReader(legacy, StandardCharsets.UTF_8)) {
            for (String key = keys.readLine(); key != null; key = keys.readLine()) {
                if (!key.isEmpty()) {
                    state.done(key);
                }
            }
        }
        state.force();
        return state;
    }

    private static boolean hasMagic(Path file) throws IOException {
        byte[] start = new byte[MAGIC.length];
        try (var in = Files.newInputStream(file)) {
            int read = in.readNBytes(start, 0, start.length);
            return read == start.length && java.util.Arrays.equals(start, MAGIC);
        }
    }

    private static int slotOffset(int slot) {
        return slot * SLOT;
    }

    private static long[] hash(String key) {
        MessageDigest sha256 = SHA_256.get();
        byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        ByteBuffer bytes = ByteBuffer.wrap(digest);
        return new long[] {bytes.getLong() & HASH_BITS, bytes.getLong()};
    }
}
