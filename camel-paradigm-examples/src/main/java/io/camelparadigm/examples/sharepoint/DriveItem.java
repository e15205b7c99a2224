package io.camelparadigm.examples.sharepoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The part of a Microsoft Graph driveItem this example reads. A facet ({@code file}, {@code folder},
 * {@code deleted}) is present (even as {@code {}}) or null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriveItem(String id, String name, String webUrl, String lastModifiedDateTime,
                        IdentitySet lastModifiedBy, ItemReference parentReference, FileFacet file, JsonNode folder,
                        JsonNode deleted) {

    public boolean isDeleted() {
        return deleted != null;
    }

    public boolean isFile() {
        return file != null && !isDeleted();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IdentitySet(Identity user, Identity application) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Identity(String id, String displayName, String email) {
    }

    /** {@code path} is percent-encoded, {@code /drives/{drive-id}/root:/folder}; delta often leaves it out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ItemReference(String driveId, String id, String path) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileFacet(String mimeType, Hashes hashes) {
    }

    /** SharePoint and OneDrive for Business give quickXorHash (the others only on some drive types). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hashes(String quickXorHash, String sha1Hash, String sha256Hash) {
    }
}
