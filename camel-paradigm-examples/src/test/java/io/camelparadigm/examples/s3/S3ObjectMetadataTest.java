package io.camelparadigm.examples.s3;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3ObjectMetadataTest {

    @Test
    void onAwsTheObjectUrlIsVirtualHostedInTheBucketsRegionWithTheKeyEncoded() {
        S3ObjectMetadata metadata = new S3ObjectMetadata();
        metadata.setRegion("eu-west-3");

        assertThat(metadata.objectUrl("acme-docs", "reports/q3 plan.pdf"))
                .isEqualTo("https://acme-docs.s3.eu-west-3.amazonaws.com/reports/q3%20plan.pdf");
    }

    @Test
    void belowACustomEndpointTheObjectUrlIsPathStyle() {
        S3ObjectMetadata metadata = new S3ObjectMetadata();
        metadata.setEndpoint("http://minio.local:9000/");

        assertThat(metadata.objectUrl("acme-docs", "a/b.txt")).isEqualTo("http://minio.local:9000/acme-docs/a/b.txt");
    }
}
