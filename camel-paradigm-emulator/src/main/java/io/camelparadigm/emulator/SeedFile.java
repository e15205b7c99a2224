package io.camelparadigm.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document to put straight into the emulator's store without HTTP, see
 * {@link ParadigmEmulator#seedFile(SeedFile)}.
 *
 * <p>Without an explicit {@link Builder#status(String) status} the file starts {@code pending} at its
 * {@code createdAt} and follows the normal progression; with one, it stays at that status.
 */
public final class SeedFile {

    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final long workspaceId;
    private final String filename;
    private final String title;
    private final String status;
    private final String statusVision;
    private final String statusDetail;
    private final Map<String, Object> externalMetadata;
    private final List<Long> tagIds;
    private final String uploadSessionUuid;
    private final Instant createdAt;
    private final Integer totalPages;
    private final String content;
    private final long size;
    private final String sha256;

    private SeedFile(Builder b) {
        this.workspaceId = b.workspaceId;
        this.filename = b.filename;
        this.title = b.title;
        this.status = b.status;
        this.statusVision = b.statusVision;
        this.statusDetail = b.statusDetail;
        this.externalMetadata = b.externalMetadata == null ? null : Map.copyOf(b.externalMetadata);
        this.tagIds = List.copyOf(b.tagIds);
        this.uploadSessionUuid = b.uploadSessionUuid;
        this.createdAt = b.createdAt;
        this.totalPages = b.totalPages;
        this.content = b.content;
        this.size = b.size;
        this.sha256 = b.sha256;
    }

    /** A file named {@code filename} in {@code workspaceId}. */
    public static Builder builder(long workspaceId, String filename) {
        return new Builder(workspaceId, filename);
    }

    public long workspaceId() { return workspaceId; }
    public String filename() { return filename; }
    /** Title, {@code null} = same as the filename. */
    public String title() { return title; }
    /** Fixed status, {@code null} = normal progression from {@code pending}. */
    public String status() { return status; }
    public String statusVision() { return statusVision; }
    public String statusDetail() { return statusDetail; }
    public Map<String, Object> externalMetadata() { return externalMetadata; }
    public List<Long> tagIds() { return tagIds; }
    /** Upload session, {@code null} = a fresh one per seeded file. */
    public String uploadSessionUuid() { return uploadSessionUuid; }
    /** Creation time, {@code null} = the emulator's current clock time. */
    public Instant createdAt() { return createdAt; }
    public Integer totalPages() { return totalPages; }
    /** Parsed text returned with {@code include_content=true}, {@code null} = a generated one. */
    public String content() { return content; }
    public long size() { return size; }
    /** SHA-256 of the (pretend) content, {@code null} = the hash of nothing. */
    public String sha256() { return sha256; }

    public static final class Builder {
        private final long workspaceId;
        private final String filename;
        private String title;
        private String status;
        private String statusVision;
        private String statusDetail;
        private Map<String, Object> externalMetadata;
        private final List<Long> tagIds = new ArrayList<>();
        private String uploadSessionUuid;
        private Instant createdAt;
        private Integer totalPages;
        private String content;
        private long size;
        private String sha256;

        private Builder(long workspaceId, String filename) {
            this.workspaceId = workspaceId;
            this.filename = Objects.requireNonNull(filename, "filename");
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder status(String status) { this.status = status; return this; }
        public Builder statusVision(String statusVision) { this.statusVision = statusVision; return this; }
        public Builder statusDetail(String statusDetail) { this.statusDetail = statusDetail; return this; }

        public Builder externalMetadata(Map<String, ?> externalMetadata) {
            this.externalMetadata = externalMetadata == null ? null : new LinkedHashMap<>(externalMetadata);
            return this;
        }

        /** Shortcut for external metadata holding only {@code external_id}. */
        public Builder externalId(String externalId) {
            if (externalMetadata == null) {
                externalMetadata = new LinkedHashMap<>();
            }
            externalMetadata.put("external_id", externalId);
            return this;
        }

        public Builder tagIds(List<Long> tagIds) { this.tagIds.clear(); this.tagIds.addAll(tagIds); return this; }
        public Builder tagIds(Long... tagIds) { return tagIds(List.of(tagIds)); }
        /** The file's upload session; the service's session ids are uuids. */
        public Builder uploadSessionUuid(String uuid) {
            if (uuid != null && !UUID_FORM.matcher(uuid).matches()) {
                throw new IllegalArgumentException("uploadSessionUuid must be a uuid such as "
                                                   + "550e8400-e29b-41d4-a716-446655440000, not " + uuid);
            }
            this.uploadSessionUuid = uuid;
            return this;
        }
        public Builder createdAt(Instant createdAt) { this.createdAt = createdAt; return this; }
        public Builder totalPages(Integer totalPages) { this.totalPages = totalPages; return this; }
        public Builder content(String content) { this.content = content; return this; }
        public Builder size(long size) { this.size = size; return this; }
        public Builder sha256(String sha256) { this.sha256 = sha256; return this; }

        public SeedFile build() {
            return new SeedFile(this);
        }
    }
}
