package io.camelparadigm.examples.uploader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a run keeps its state and what the state is about. Without {@code --state-file} a run against a Paradigm
 * instance keeps it in {@code ~/.paradigm-uploader/} under a name made of the instance, the workspace and the
 * folder, so that running the same command again resumes; a run against the embedded emulator, which forgets
 * everything when it stops, keeps it in a temporary file.
 *
 * @param path      the state file
 * @param identity  folder, instance and workspace: a state file written for another identity is refused
 * @param temporary deleted when the run ends
 */
public record StateFileLocation(Path path, String identity, boolean temporary) {

    public static StateFileLocation of(UploaderSettings settings, String baseUrl, long workspaceId, boolean embedded) {
        String folder = settings.filesDir().toAbsolutePath().normalize().toString();
        String instance = embedded ? "the embedded emulator" : baseUrl;
        String identity = "folder " + folder + ", Paradigm " + instance + ", workspace " + workspaceId;
        if (settings.stateFile() != null) {
            return new StateFileLocation(settings.stateFile().toAbsolutePath(), identity, false);
        }
        if (embedded) {
            try {
                Path temporary = Files.createTempFile("paradigm-uploader-", ".state");
                Files.delete(temporary);
                return new StateFileLocation(temporary, identity, true);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary state file", e);
            }
        }
        String name = host(baseUrl) + "-workspace-" + workspaceId + "-" + ShortHash.of(identity) + ".state";
        return new StateFileLocation(settings.stateDir().resolve(name).toAbsolutePath(), identity, false);
    }

    private static String host(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "paradigm" : host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
    }
}
