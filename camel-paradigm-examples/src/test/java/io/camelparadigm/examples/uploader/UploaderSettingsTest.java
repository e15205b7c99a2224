package io.camelparadigm.examples.uploader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.camelparadigm.component.paradigm.OnExisting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploaderSettingsTest {

    private final Map<String, String> properties = new HashMap<>(Map.of(UploaderSettings.FILES_DIR, "samples"));

    private UploaderSettings settings() {
        return UploaderSettings.from(key -> Optional.ofNullable(properties.get(key)));
    }

    @Test
    void defaultsAreThoseOfTheVendorScript() {
        UploaderSettings settings = settings();

        assertThat(settings.filesDir()).isEqualTo(Path.of("samples"));
        assertThat(settings.concurrency()).isEqualTo(10);
        assertThat(settings.maxFails()).isEqualTo(1);
        assertThat(settings.tags()).isEmpty();
        assertThat(settings.stateFile()).isNull();
        assertThat(settings.maxFileSize()).isEqualTo(25L * 1024 * 1024);
        assertThat(settings.supportedExtensions()).contains("pdf", "docx", "md", "csv", "html").doesNotContain("log");
        assertThat(settings.onExisting()).isEqualTo(OnExisting.skip);
        assertThat(settings.processingTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void readsEverySettingFromItsProperty() {
        properties.putAll(Map.of(
                UploaderSettings.BATCH_SIZE, "50",
                UploaderSettings.MAX_FAILS, "5",
                UploaderSettings.TAGS, "1, 2,3",
                UploaderSettings.STATE_FILE, "state.txt",
                UploaderSettings.INCLUDE_EXTENSIONS, "pdf,docx",
                UploaderSettings.EXCLUDE_EXTENSIONS, "tmp,.DS_Store",
                UploaderSettings.MAX_FILE_SIZE_MB, "2",
                UploaderSettings.ON_EXISTING, "upload",
                UploaderSettings.PROCESSING_TIMEOUT, "90",
                UploaderSettings.POLL_INTERVAL, "PT0.5S"));

        UploaderSettings settings = settings();

        assertThat(settings.concurrency()).isEqualTo(50);
        assertThat(settings.maxFails()).isEqualTo(5);
        assertThat(settings.tags()).containsExactly(1L, 2L, 3L);
        assertThat(settings.stateFile()).isEqualTo(Path.of("state.txt"));
        assertThat(settings.includeExtensions()).containsExactly("pdf", "docx");
        assertThat(settings.excludeExtensions()).containsExactly("tmp", ".DS_Store");
        assertThat(settings.maxFileSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(settings.onExisting()).isEqualTo(OnExisting.upload);
        assertThat(settings.processingTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void batchSizeAbove50IsRefusedWithTheAllowedRange() {
        properties.put(UploaderSettings.BATCH_SIZE, "51");

        assertThatThrownBy(this::settings).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--batch-size").hasMessageContaining("between 1 and 50").hasMessageContaining("51");
    }

    @Test
    void maxFailsBelowOneIsRefused() {
        properties.put(UploaderSettings.MAX_FAILS, "0");

        assertThatThrownBy(this::settings).hasMessageContaining("--max-fails").hasMessageContaining("at least 1");
    }

    @Test
    void tagsMustBeIds() {
        properties.put(UploaderSettings.TAGS, "1,finance");

        assertThatThrownBy(this::settings).hasMessageContaining("'finance' is not an id");
    }

    @Test
    void aPollIntervalOfZeroOrLessAndANegativeProcessingTimeoutAreRefused() {
        properties.put(UploaderSettings.POLL_INTERVAL, "0");
        assertThatThrownBy(this::settings)
                .hasMessage("uploader.poll-interval (UPLOADER_POLL_INTERVAL) must be more than zero, was PT0S");

        properties.put(UploaderSettings.POLL_INTERVAL, "PT-1S");
        assertThatThrownBy(this::settings).hasMessageEndingWith("must be more than zero, was PT-1S");

        properties.remove(UploaderSettings.POLL_INTERVAL);
        properties.put(UploaderSettings.PROCESSING_TIMEOUT, "PT-5M");
        assertThatThrownBy(this::settings).hasMessage(
                "--processing-timeout (uploader.processing-timeout) must not be negative, was PT-5M");

        properties.put(UploaderSettings.PROCESSING_TIMEOUT, "0");
        assertThat(settings().processingTimeout()).as("0: do not wait for processing").isZero();
    }

    @Test
    void theFolderIsRequiredAndTheMessageSaysHowToGiveIt() {
        properties.clear();

        assertThatThrownBy(this::settings).hasMessageContaining("--files-dir").hasMessageContaining("UPLOADER_FILES_DIR");
    }

    @Test
    void aFolderThatDoesNotExistOrIsAFileIsRefusedNamingIt() {
        properties.put(UploaderSettings.FILES_DIR, "samples/nothing-here");
        assertThatThrownBy(this::settings).hasMessage("--files-dir (uploader.files-dir): "
                                                      + Path.of("samples/nothing-here").toAbsolutePath() + " does not exist");

        properties.put(UploaderSettings.FILES_DIR, "samples/welcome.md");
        assertThatThrownBy(this::settings).hasMessageEndingWith("welcome.md is not a folder");
    }

    @Test
    void aFolderWhoseNameIsNotValidUtf8IsRefusedSayingWhyAndWhatToDo(@TempDir Path temp) throws Exception {
        // a Latin-1 folder name (caf\xe9): the JVM gets the argument as text, caf\ufffd, which names no folder
        assertThat(new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'caf\\351')\"").directory(temp.toFile()).start()
                .waitFor()).isZero();
        properties.put(UploaderSettings.FILES_DIR, temp.resolve("caf\uFFFD").toString());

        assertThatThrownBy(this::settings).hasMessageStartingWith("--files-dir (uploader.files-dir): " + temp
                + "/caf\uFFFD was not found: a name in it is not valid UTF-8").hasMessageContaining("Give a folder above it");
    }

    @Test
    void defaultStateFilesLiveInTheHomeFolderUnlessAnotherIsSet() {
        assertThat(settings().stateDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".paradigm-uploader"));

        properties.put(UploaderSettings.STATE_DIR, "/var/lib/uploader");
        assertThat(settings().stateDir()).isEqualTo(Path.of("/var/lib/uploader"));
    }

    @Test
    void unknownOnExistingValueListsTheAllowedOnes() {
        properties.put(UploaderSettings.ON_EXISTING, "overwrite");

        assertThatThrownBy(this::settings).hasMessageContaining("upload, skip, fail").hasMessageContaining("overwrite");
    }

    @Test
    void theComponentsReplaceModeIsRefusedPointingToSync() {
        properties.put(UploaderSettings.ON_EXISTING, "replace");

        assertThatThrownBy(this::settings).hasMessageContaining("upload, skip, fail; was 'replace'")
                .hasMessageContaining("use --sync");
    }

    @Test
    void syncAndItsCompanionsAreFlagsThatDeleteMissingAndDryRunNeedSyncFor() {
        assertThat(settings().sync()).isFalse();
        properties.put(UploaderSettings.SYNC, "true");
        properties.put(UploaderSettings.DELETE_MISSING, "TRUE");
        properties.put(UploaderSettings.DRY_RUN, "false");
        assertThat(settings()).extracting(UploaderSettings::sync, UploaderSettings::deleteMissing,
                UploaderSettings::dryRun).containsExactly(true, true, false);

        properties.put(UploaderSettings.DRY_RUN, "yes");
        assertThatThrownBy(this::settings).hasMessage("uploader.dry-run is true or false, was 'yes'");
        properties.put(UploaderSettings.DRY_RUN, "true");
        properties.remove(UploaderSettings.SYNC);
        assertThatThrownBy(this::settings).hasMessageContaining("works with --sync (uploader.sync): add --sync");
    }

    @Test
    void theNameFilterUsesTheIncludeAndExcludeLists() {
        properties.put(UploaderSettings.INCLUDE_EXTENSIONS, "md");
        properties.put(UploaderSettings.EXCLUDE_EXTENSIONS, "draft.md");

        NameFilter filter = settings().nameFilter();

        assertThat(List.of("a.md", "draft.md", "b.pdf")).filteredOn(filter::accepts).containsExactly("a.md");
    }
}
