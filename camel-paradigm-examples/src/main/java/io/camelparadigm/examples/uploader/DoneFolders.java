package io.camelparadigm.examples.uploader;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The folders a rerun need not list. A folder with no subfolder whose every entry is a file that was uploaded (or
 * found done) is recorded in the state file, with its modification time and its number of files, once the last of
 * its files is done. Creating, deleting or renaming an entry changes a folder's modification time, so a rerun that
 * finds the same time counts the folder's files as already uploaded without listing them: resuming a run over a
 * million files reads one entry per done folder instead of a million. Not for {@code --sync}, which must see each
 * file's size and time.
 * <p>
 * A folder changed less than {@link #SETTLED} before it was listed is not recorded: on a file system with coarse
 * times (2 s on FAT, 1 s on some network shares), or whose clock is behind this machine's, an entry created just after
 * the listing could leave the folder's time as it was.
 * <p>
 * Thread-safe: the walk reports folders and files handed to the uploads; the uploads report each file as settled.
 * Only folders being listed or with files in flight are held, so memory does not grow with the folder.
 */
class DoneFolders {

    static final Duration SETTLED = Duration.ofMinutes(1);
    /** Appended to a folder's path to make its key: no file's relative path ends so. */
    private static final String KEY_SUFFIX = "/\u0000folder";

    /** A folder being listed, or whose files are not all settled. */
    private static final class Pending {
        final long modified;
        final boolean settledBeforeListing;
        long inFlight;
        long files;
        boolean listed;
        boolean spoiled;

        Pending(long modified, boolean settledBeforeListing) {
            this.modified = modified;
            this.settledBeforeListing = settledBeforeListing;
        }
    }

    private final UploadStateFile state;
    private final Clock clock;
    private final Map<String, Pending> pending = new HashMap<>();

    DoneFolders(UploadStateFile state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** The done folders of a run: none with {@code --sync} (and its dry run), which lists every folder. */
    static DoneFolders forRun(UploadStateFile state, boolean sync) {
        return sync ? new ListEveryFolder() : new DoneFolders(state, Clock.systemUTC());
    }

    /** The number of files of a folder recorded as done at this modification time; -1 when it must be listed. */
    long doneFiles(String relativeDir, long modified) {
        return state.folderFiles(relativeDir + KEY_SUFFIX, modified);
    }

    /** The walk is about to list the folder. */
    synchronized void listing(String relativeDir, long modified) {
        long settledAt = TimeUnit.MILLISECONDS.toNanos(clock.millis() - SETTLED.toMillis());
        pending.put(relativeDir, new Pending(modified, modified <= settledAt));
    }

    /** The walk hands one of the folder's files to the uploads. */
    synchronized void handed(ScannedFile file) {
        Pending folder = pending.get(folderOf(file.relativePath()));
        if (folder != null) {
            folder.inFlight++;
        }
    }

    /** The walk listed the folder to the end (see {@link FolderScanner.Listener#folderListed}). */
    synchronized void listed(String relativeDir, long files, boolean onlyUploadedFiles) {
        Pending folder = pending.get(relativeDir);
        if (folder == null) {
            return;
        }
        folder.listed = true;
        folder.files = files;
        folder.spoiled |= !onlyUploadedFiles || !folder.settledBeforeListing;
        recordWhenDone(relativeDir, folder);
    }

    /** A handed file's upload ended, whatever the outcome; {@code done} when the state file records it as done. */
    synchronized void settled(ScannedFile file, boolean done) {
        String relativeDir = folderOf(file.relativePath());
        Pending folder = pending.get(relativeDir);
        if (folder == null) {
            return;
        }
        folder.inFlight--;
        folder.spoiled |= !done;
        recordWhenDone(relativeDir, folder);
    }

    private void recordWhenDone(String relativeDir, Pending folder) {
        if (folder.listed && folder.inFlight == 0) {
            pending.remove(relativeDir);
            if (!folder.spoiled) {
                state.folderDone(relativeDir + KEY_SUFFIX, folder.modified, folder.files);
            }
        }
    }

    private static String folderOf(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }

    /** Lists every folder and records none. */
    private static final class ListEveryFolder extends DoneFolders {

        ListEveryFolder() {
            super(null, Clock.systemUTC());
        }

        @Override
        long doneFiles(String relativeDir, long modified) {
            return -1;
        }

        @Override
        void listing(String relativeDir, long modified) {
        }

        @Override
        void handed(ScannedFile file) {
        }

        @Override
        void listed(String relativeDir, long files, boolean onlyUploadedFiles) {
        }

        @Override
        void settled(ScannedFile file, boolean done) {
        }
    }
}
