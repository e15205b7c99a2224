package io.camelparadigm.examples.sharepoint;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import org.apache.camel.Message;
import org.apache.hc.core5.net.PercentCodec;

/**
 * Maps driveItems of one document library to Paradigm documents: external id {@code sharepoint:<drive-id>:<item-id>}
 * (an item keeps its id through renames and moves), the item's web URL, path and last modification in
 * {@code additional_metadata}, and its quickXorHash as the content version that tells a changed file from a renamed one.
 */
public final class DriveItemDocuments {

    public static final String DOC_TYPE = "sharepoint_file";
    public static final String LAST_MODIFIED_BY = "last_modified_by";
    public static final String LAST_MODIFIED_AT = "last_modified_at";
    /** Where the component keeps the content version (see keeping-in-sync.md); a metadata update must keep it. */
    static final String CONTENT_HASH_KEY = "content_hash";

    private final String driveId;

    public DriveItemDocuments(String driveId) {
        this.driveId = driveId;
    }

    public String externalId(DriveItem item) {
        return "sharepoint:" + driveId + ":" + item.id();
    }

    /** Headers for {@code paradigm:upload} (or {@code paradigm:deleteFile}: only the external id is read). */
    public void toDocument(Message message, DriveItem item) {
        message.setHeader(ParadigmConstants.EXTERNAL_ID, externalId(item));
        if (item.isDeleted()) {
            return;
        }
        message.setHeader(ParadigmConstants.FILENAME, item.name());
        message.setHeader(ParadigmConstants.TITLE, item.name());
        message.setHeader(ParadigmConstants.DOC_TYPE, DOC_TYPE);
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, metadata(item));
        String version = contentVersion(item);
        if (version != null) {
            message.setHeader(ParadigmConstants.CONTENT_HASH, version);
        } else {
            message.removeHeader(ParadigmConstants.CONTENT_HASH);
        }
    }

    /** True when Paradigm's copy has this item's content: its content version is the item's quickXorHash. */
    public boolean contentUnchanged(ParadigmFile stored, DriveItem item) {
        String version = contentVersion(item);
        ExternalMetadata metadata = stored == null ? null : stored.externalMetadata();
        return version != null && metadata != null && metadata.additionalMetadata() != null
               && version.equals(metadata.additionalMetadata().get(CONTENT_HASH_KEY));
    }

    /**
     * True when Paradigm's copy of an item whose content did not change (renamed, moved, re-saved) shows an older
     * title or metadata: then {@code paradigm:updateFile} brings it up to date without sending the content again.
     */
    public boolean metadataChanged(ParadigmFile stored, DriveItem item) {
        ExternalMetadata metadata = stored.externalMetadata();
        Map<String, Object> storedAdditional = metadata == null || metadata.additionalMetadata() == null ? Map.of()
                : new LinkedHashMap<>(metadata.additionalMetadata());
        storedAdditional.remove(CONTENT_HASH_KEY);
        return !Objects.equals(stored.title(), item.name()) || !storedAdditional.equals(metadata(item));
    }

    /** Headers for {@code paradigm:updateFile}: the new title and metadata, the stored content version kept. */
    public void toMetadataUpdate(Message message, ParadigmFile stored, DriveItem item) {
        Map<String, Object> additional = metadata(item);
        Object version = stored.externalMetadata().additionalMetadata().get(CONTENT_HASH_KEY);
        if (version != null) {
            additional.put(CONTENT_HASH_KEY, version);
        }
        message.setHeader(ParadigmConstants.FILE_ID, stored.id());
        message.setHeader(ParadigmConstants.TITLE, item.name());
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, additional);
        message.removeHeader(ParadigmConstants.FILENAME);
    }

    Map<String, Object> metadata(DriveItem item) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, ExternalMetadata.EXTERNAL_URL, item.webUrl());
        putIfPresent(metadata, ExternalMetadata.EXTERNAL_FULL_PATH, path(item));
        putIfPresent(metadata, LAST_MODIFIED_BY, modifiedBy(item));
        putIfPresent(metadata, LAST_MODIFIED_AT, item.lastModifiedDateTime());
        return metadata;
    }

    /** {@code Contracts/2025/acme.docx}: the parent's path after {@code root:}, decoded, and the name. */
    static String path(DriveItem item) {
        String parent = item.parentReference() == null ? null : item.parentReference().path();
        if (parent == null) {
            return null;
        }
        int root = parent.indexOf("root:");
        String folder = root < 0 ? "" : PercentCodec.decode(parent.substring(root + "root:".length()),
                StandardCharsets.UTF_8).replaceAll("^/+", "");
        return folder.isEmpty() ? item.name() : folder + "/" + item.name();
    }

    private static String modifiedBy(DriveItem item) {
        DriveItem.IdentitySet by = item.lastModifiedBy();
        if (by == null) {
            return null;
        }
        DriveItem.Identity identity = by.user() != null ? by.user() : by.application();
        return identity == null ? null : identity.email() != null && !identity.email().isBlank()
                ? identity.displayName() + " <" + identity.email() + ">" : identity.displayName();
    }

    /** quickXorHash when Graph gives it (SharePoint does, while delta leaves cTag out there); else none. */
    private static String contentVersion(DriveItem item) {
        DriveItem.Hashes hashes = item.file() == null ? null : item.file().hashes();
        return hashes == null || hashes.quickXorHash() == null ? null : "quickXorHash:" + hashes.quickXorHash();
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
