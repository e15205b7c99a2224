package io.camelparadigm.emulator;

import java.util.List;

/**
 * A document the emulator holds, as tests see it.
 *
 * @param sha256            lower-case hex SHA-256 of the uploaded bytes
 * @param status            processing status at the emulator's current clock time
 * @param externalId        {@code external_metadata.external_id}, {@code null} when none
 */
public record StoredFile(long id, long workspaceId, String filename, String title, long size, String sha256,
                         String status, String uploadSessionUuid, String externalId, List<Long> tagIds) {

    public StoredFile {
        tagIds = List.copyOf(tagIds);
    }
}
