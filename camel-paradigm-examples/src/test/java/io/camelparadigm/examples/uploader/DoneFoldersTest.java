package io.camelparadigm.examples.uploader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DoneFoldersTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final long AN_HOUR_AGO = nanos(NOW.minusSeconds(3600));

    @TempDir
    Path dir;
    private UploadStateFile state;
    private DoneFolders folders;

    @BeforeEach
    void open() {
        state = UploadStateFile.open(dir.resolve("s.state"), "folder /data, workspace 1");
        folders = new DoneFolders(state, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aFolderIsRecordedWhenItsListingIsOverAndItsLastFileIsDone() {
        ScannedFile first = file("reports/2025/a.pdf");
        ScannedFile second = file("reports/2025/b.pdf");
        folders.listing("reports/2025", AN_HOUR_AGO);
        folders.handed(first);
        folders.handed(second);
        folders.settled(first, true);
        folders.listed("reports/2025", 3, true); // a third file was found done by the walk
        assertThat(folders.doneFiles("reports/2025", AN_HOUR_AGO)).as("b.pdf is still in flight").isEqualTo(-1);

        folders.settled(second, true);

        assertThat(folders.doneFiles("reports/2025", AN_HOUR_AGO)).isEqualTo(3);
        assertThat(folders.doneFiles("reports/2025", AN_HOUR_AGO + 1)).as("its time changed").isEqualTo(-1);
        assertThat(folders.doneFiles("reports", AN_HOUR_AGO)).isEqualTo(-1);
    }

    @Test
    void aFolderWithAFileNotDoneIsNotRecorded() {
        ScannedFile failed = file("a/x.pdf");
        ScannedFile stored = file("a/y.pdf");
        folders.listing("a", AN_HOUR_AGO);
        folders.handed(failed);
        folders.handed(stored);
        folders.listed("a", 2, true);
        folders.settled(failed, false); // its upload failed
        folders.settled(stored, true);

        assertThat(folders.doneFiles("a", AN_HOUR_AGO)).isEqualTo(-1);
    }

    @Test
    void aFolderWithOtherEntriesThanUploadedFilesIsNotRecorded() {
        folders.listing("a", AN_HOUR_AGO);
        folders.listed("a", 0, false); // a subfolder, a skipped or an excluded file

        assertThat(folders.doneFiles("a", AN_HOUR_AGO)).isEqualTo(-1);
    }

    @Test
    void aFolderChangedLessThanAMinuteBeforeItsListingIsNotRecorded() {
        long recently = nanos(NOW.minus(DoneFolders.SETTLED).plusSeconds(1));
        folders.listing("a", recently);
        folders.listed("a", 0, true);
        long settled = nanos(NOW.minus(DoneFolders.SETTLED));
        folders.listing("b", settled);
        folders.listed("b", 0, true);

        assertThat(folders.doneFiles("a", recently)).isEqualTo(-1);
        assertThat(folders.doneFiles("b", settled)).isZero();
    }

    @Test
    void aSyncListsEveryFolderAndRecordsNone() {
        folders.listing("a", AN_HOUR_AGO);
        folders.listed("a", 2, true);
        DoneFolders sync = DoneFolders.forRun(state, true);
        sync.listing("b", AN_HOUR_AGO);
        sync.listed("b", 2, true);

        assertThat(sync.doneFiles("a", AN_HOUR_AGO)).as("a sync must see every file").isEqualTo(-1);
        assertThat(folders.doneFiles("a", AN_HOUR_AGO)).isEqualTo(2);
        assertThat(folders.doneFiles("b", AN_HOUR_AGO)).isEqualTo(-1);
    }

    @Test
    void theRecordOutlivesTheRunAndIsNeverTakenForAFile() {
        folders.listing("", AN_HOUR_AGO);
        folders.listed("", 7, true);
        state.close();

        state = UploadStateFile.open(dir.resolve("s.state"), "folder /data, workspace 1");
        assertThat(new DoneFolders(state, Clock.systemUTC()).doneFiles("", AN_HOUR_AGO)).isEqualTo(7);
        assertThat(state.mark("")).isEqualTo(UploadStateFile.Mark.NONE);
        assertThat(state.mark("/")).isEqualTo(UploadStateFile.Mark.NONE);
        assertThat(state.unseen(0, 10)).as("no document to delete with --delete-missing").isEmpty();
    }

    private static ScannedFile file(String relativePath) {
        return new ScannedFile(Path.of("/data").resolve(relativePath), relativePath, 10, AN_HOUR_AGO);
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }
}
