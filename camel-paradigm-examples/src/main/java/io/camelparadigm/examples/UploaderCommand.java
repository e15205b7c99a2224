package io.camelparadigm.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.camelparadigm.examples.embedded.ParadigmConnection;
import io.camelparadigm.examples.uploader.FolderUploadJob;
import io.camelparadigm.examples.uploader.ProgressMode;
import io.camelparadigm.examples.uploader.UploaderSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of the folder uploader, with the vendor batch script's option names. Options have no defaults
 * here on purpose: an option given on the command line overrides the same setting from
 * {@code application.properties} or the environment, and an absent one leaves them in charge.
 */
@Command(name = "paradigm-uploader", mixinStandardHelpOptions = true, version = "camel-paradigm uploader 0.1.0",
         sortOptions = false, usageHelpAutoWidth = true,
         description = {
                 "Uploads a folder (recursively) to LightOn Paradigm and follows every document until it is processed.",
                 "Without PARADIGM_API_KEY it uploads to an embedded Paradigm emulator, so it runs offline.",
                 "Every option is also a property (application.properties, -Dkey=value) and an environment variable: "
                 + "shown in brackets." },
         footer = { "", "Exit status: 0 every document processed, 1 some failed or still processing, 2 bad settings, "
                        + "3 out of memory or an unexpected error, 130 interrupted." })
public final class UploaderCommand implements Callable<Integer> {

    @Option(names = "--files-dir", paramLabel = "<folder>",
            description = "Folder to upload, scanned recursively. [uploader.files-dir, UPLOADER_FILES_DIR]")
    Path filesDir;

    @Option(names = "--workspace-id", paramLabel = "<id>",
            description = "Workspace to store the documents in; required with a real instance. "
                          + "[paradigm.workspace-id, PARADIGM_WORKSPACE_ID]")
    Long workspaceId;

    @Option(names = "--base-url", paramLabel = "<url>",
            description = "Paradigm instance; default https://paradigm.lighton.ai when an API key is set. "
                          + "[paradigm.base-url, PARADIGM_BASE_URL]")
    String baseUrl;

    @Option(names = "--api-key", paramLabel = "<key>",
            description = "Paradigm API key; prefer the environment variable, command lines are visible to other "
                          + "users. [paradigm.api-key, PARADIGM_API_KEY]")
    String apiKey;

    @Option(names = {"--batch-size", "--concurrency"}, paramLabel = "<n>",
            description = "Concurrent uploads, 1 to 50; default 10. [uploader.batch-size, UPLOADER_BATCH_SIZE]")
    Integer batchSize;

    @Option(names = "--max-fails", paramLabel = "<n>",
            description = "Stop starting uploads after this many upload failures; default 1. Skipped files are not "
                          + "failures. [uploader.max-fails, UPLOADER_MAX_FAILS]")
    Integer maxFails;

    @Option(names = "--tags", split = ",", paramLabel = "<id>",
            description = "Tag ids applied to every document, e.g. 1,2,3. [uploader.tags, UPLOADER_TAGS]")
    List<Long> tags;

    @Option(names = "--state-file", paramLabel = "<file>",
            description = "Remembers what was uploaded (and what was in flight), so a rerun uploads only what is "
                          + "missing; default one per folder, instance and workspace in ~/.paradigm-uploader "
                          + "(uploader.state-dir). [uploader.state-file, UPLOADER_STATE_FILE]")
    Path stateFile;

    @Option(names = "--include-extensions", split = ",", paramLabel = "<ext|name>",
            description = "Only files with these extensions or names, e.g. pdf,docx. "
                          + "[uploader.include-extensions, UPLOADER_INCLUDE_EXTENSIONS]")
    List<String> includeExtensions;

    @Option(names = "--exclude-extensions", split = ",", paramLabel = "<ext|name>",
            description = "Leave out files with these extensions or names, e.g. tmp,log,.DS_Store. "
                          + "[uploader.exclude-extensions, UPLOADER_EXCLUDE_EXTENSIONS]")
    List<String> excludeExtensions;

    @Option(names = "--max-file-size-mb", paramLabel = "<mb>",
            description = "Larger files are skipped (not failures); default 25, Paradigm's default limit. "
                          + "[uploader.max-file-size-mb, UPLOADER_MAX_FILE_SIZE_MB]")
    Integer maxFileSizeMb;

    @Option(names = "--on-existing", paramLabel = "upload|skip|fail",
            description = "Files the state file records as uploaded are skipped without a request. For the others: "
                          + "skip (default) and upload send them without asking Paradigm first; fail looks each "
                          + "one up and fails if Paradigm already holds its external id (the file's URI). "
                          + "[uploader.on-existing, UPLOADER_ON_EXISTING]")
    String onExisting;

    @Option(names = "--sync",
            description = "Keep Paradigm in step with the folder: new files are uploaded, files whose size or "
                          + "modification time changed since the state file recorded them are compared by content "
                          + "(SHA-256) and replaced in place when it differs (same document id), the others are "
                          + "skipped without a request. [uploader.sync, UPLOADER_SYNC]")
    Boolean sync;

    @Option(names = "--delete-missing",
            description = "With --sync: delete the documents this uploader stored from this folder whose file is "
                          + "gone (their external id is the file's URI under the folder); never any other "
                          + "document. [uploader.delete-missing, UPLOADER_DELETE_MISSING]")
    Boolean deleteMissing;

    @Option(names = "--dry-run",
            description = "With --sync: print what would be uploaded, replaced, left and deleted, and change "
                          + "nothing in Paradigm. [uploader.dry-run, UPLOADER_DRY_RUN]")
    Boolean dryRun;

    @Option(names = "--processing-timeout", paramLabel = "<duration>",
            description = "How long to follow processing after the last upload, in seconds or ISO-8601 (PT30M); "
                          + "default 30 minutes. [uploader.processing-timeout, UPLOADER_PROCESSING_TIMEOUT]")
    String processingTimeout;

    @Option(names = "--emulator-step", hidden = true, paramLabel = "<duration>",
            description = "Embedded emulator only: time per processing step (ISO-8601, default PT1S).")
    String emulatorStep;

    @Option(names = "--progress", paramLabel = "auto|bar|lines",
            description = "A bar redrawn in place, or one line per change; default auto (bar on a terminal).")
    ProgressMode progress = ProgressMode.auto;

    private final PrintStream out;

    public UploaderCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        return new FolderUploadJob(out, progress).run(propertyOverrides());
    }

    /** The options given on the command line, as the Camel properties they override. */
    Map<String, String> propertyOverrides() {
        Map<String, String> properties = new LinkedHashMap<>();
        put(properties, UploaderSettings.FILES_DIR, filesDir);
        put(properties, ParadigmConnection.WORKSPACE_ID, workspaceId);
        put(properties, ParadigmConnection.BASE_URL, baseUrl);
        put(properties, ParadigmConnection.API_KEY, apiKey);
        put(properties, UploaderSettings.BATCH_SIZE, batchSize);
        put(properties, UploaderSettings.MAX_FAILS, maxFails);
        put(properties, UploaderSettings.TAGS, joined(tags));
        put(properties, UploaderSettings.STATE_FILE, stateFile);
        put(properties, UploaderSettings.INCLUDE_EXTENSIONS, joined(includeExtensions));
        put(properties, UploaderSettings.EXCLUDE_EXTENSIONS, joined(excludeExtensions));
        put(properties, UploaderSettings.MAX_FILE_SIZE_MB, maxFileSizeMb);
        put(properties, UploaderSettings.ON_EXISTING, onExisting);
        put(properties, UploaderSettings.PROCESSING_TIMEOUT, processingTimeout);
        put(properties, UploaderSettings.SYNC, sync);
        put(properties, UploaderSettings.DELETE_MISSING, deleteMissing);
        put(properties, UploaderSettings.DRY_RUN, dryRun);
        put(properties, ParadigmConnection.EMULATOR_STEP, emulatorStep);
        return properties;
    }

    private static void put(Map<String, String> properties, String key, Object value) {
        if (value != null) {
            properties.put(key, value.toString());
        }
    }

    private static String joined(List<?> values) {
        return values == null ? null : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
