package io.camelparadigm.examples.s3;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import io.camelparadigm.component.paradigm.ParadigmConstants;
import org.apache.camel.Message;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;

/**
 * Turns the headers of an {@code aws2-s3} consumer into the metadata of a Paradigm upload: external id
 * {@code bucket/key} (so {@code onExisting=skip} recognises an object already uploaded), the object's URL, and its
 * timestamps, size, type and ETag under {@code additional_metadata}.
 */
public class S3ObjectMetadata {

    private String region = "us-east-1";
    private String endpoint;

    /** The bucket's region, for the object URL on AWS. */
    public void setRegion(String region) {
        this.region = region;
    }

    /** An S3-compatible endpoint (MinIO, s3proxy...): object URLs are then path-style below it. Blank: AWS. */
    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public void toParadigmHeaders(Message message) {
        String bucket = message.getHeader(AWS2S3Constants.BUCKET_NAME, String.class);
        String key = message.getHeader(AWS2S3Constants.KEY, String.class);
        message.setHeader(ParadigmConstants.EXTERNAL_ID, bucket + "/" + key);
        message.setHeader(ParadigmConstants.FILENAME, key.substring(key.lastIndexOf('/') + 1));
        message.setHeader(ParadigmConstants.EXTERNAL_URL, objectUrl(bucket, key));
        message.setHeader(ParadigmConstants.EXTERNAL_FULL_PATH, "s3://" + bucket + "/" + key);

        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3_bucket", bucket);
        s3.put("s3_key", key);
        putIfPresent(s3, "s3_last_modified", isoInstant(message.getHeader(AWS2S3Constants.LAST_MODIFIED)));
        putIfPresent(s3, "s3_size", message.getHeader(AWS2S3Constants.CONTENT_LENGTH, Long.class));
        putIfPresent(s3, "s3_content_type", message.getHeader(AWS2S3Constants.CONTENT_TYPE, String.class));
        String etag = message.getHeader(AWS2S3Constants.E_TAG, String.class);
        putIfPresent(s3, "s3_etag", etag == null ? null : etag.replace("\"", ""));
        putIfPresent(s3, "s3_version_id", message.getHeader(AWS2S3Constants.VERSION_ID, String.class));
        message.setHeader(ParadigmConstants.ADDITIONAL_METADATA, s3);
    }

    /** Path-style below a custom endpoint, virtual-hosted style on AWS; the key is percent-encoded. */
    String objectUrl(String bucket, String key) {
        try {
            if (endpoint != null && !endpoint.isBlank()) {
                URI base = URI.create(endpoint);
                String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
                return new URI(base.getScheme(), base.getAuthority(), basePath + "/" + bucket + "/" + key, null, null)
                        .toASCIIString();
            }
            return new URI("https", bucket + ".s3." + region + ".amazonaws.com", "/" + key, null, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the URL of s3://" + bucket + "/" + key, e);
        }
    }

    /** The consumer gives an Instant (SDK v2); older code paths a Date. */
    private static String isoInstant(Object time) {
        Instant instant = time instanceof Instant value ? value : time instanceof Date date ? date.toInstant() : null;
        return instant == null ? null : instant.toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
