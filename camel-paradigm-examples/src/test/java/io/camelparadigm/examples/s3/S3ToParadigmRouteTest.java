package io.camelparadigm.examples.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.ParadigmConstants;
import io.camelparadigm.component.paradigm.model.ParadigmFile;
import io.camelparadigm.emulator.ParadigmEmulatorExtension;
import io.camelparadigm.emulator.RecordedRequest;
import io.camelparadigm.emulator.StoredFile;
import io.camelparadigm.examples.testsupport.Eventually;
import io.camelparadigm.examples.testsupport.S3ProxyServer;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML S3 route against s3proxy (a separate process) and the emulator. */
class S3ToParadigmRouteTest extends CamelTestSupport {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @RegisterExtension
    static final ParadigmEmulatorExtension PARADIGM = new ParadigmEmulatorExtension();

    @TempDir
    static Path s3proxyDir;

    private static S3ProxyServer s3proxy;
    private static S3Client s3;

    private final String bucket = "company-docs-" + BUCKETS.incrementAndGet();

    @BeforeAll
    static void startS3() throws Exception {
        s3proxy = S3ProxyServer.start(s3proxyDir);
        s3 = S3Client.builder()
                .endpointOverride(URI.create(s3proxy.endpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .forcePathStyle(true)
                .build();
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
        if (s3proxy != null) {
            s3proxy.close();
        }
    }

    @BeforeEach
    void emptyEmulator() {
        PARADIGM.reset();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        s3.createBucket(builder -> builder.bucket(bucket));
        CamelContext context = super.createCamelContext();
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(PARADIGM.baseUrl());
        paradigm.getConfiguration().setApiKey(PARADIGM.apiKey());
        Properties properties = new Properties();
        properties.putAll(Map.of(
                "paradigm.workspace-id", String.valueOf(PARADIGM.workspaceId()),
                "s3.bucket", bucket,
                "s3.access-key", S3ProxyServer.ACCESS_KEY,
                "s3.secret-key", S3ProxyServer.SECRET_KEY,
                "s3.endpoint", s3proxy.endpoint(),
                "s3.override-endpoint", "true",
                "s3.force-path-style", "true",
                "s3.poll-delay", "200"));
        context.getPropertiesComponent().setOverrideProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/s3-to-paradigm.yaml"));
        return context;
    }

    @Test
    void eachObjectBecomesADocumentWithBucketSlashKeyAsExternalIdAndTheObjectUrlAndTimestamps() throws Exception {
        put("policies/travel policy.md", "# Travel\nTrain first.");
        put("faq.txt", "Q: where? A: here.");

        awaitStoredFiles(2);

        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).extracting(StoredFile::externalId)
                .containsExactlyInAnyOrder(bucket + "/policies/travel policy.md", bucket + "/faq.txt");
        StoredFile travel = PARADIGM.storedFiles(PARADIGM.workspaceId()).stream()
                .filter(file -> file.externalId().endsWith("travel policy.md")).findFirst().orElseThrow();
        assertThat(travel.filename()).isEqualTo("travel policy.md");
        assertThat(travel.size()).isEqualTo("# Travel\nTrain first.".length());

        ParadigmFile document = template.requestBodyAndHeader("paradigm:getFile", null, ParadigmConstants.FILE_ID,
                travel.id(), ParadigmFile.class);
        Map<String, Object> metadata = document.externalMetadata().additionalMetadata();
        assertThat(metadata).containsEntry("external_url",
                        s3proxy.endpoint() + "/" + bucket + "/policies/travel%20policy.md")
                .containsEntry("external_full_path", "s3://" + bucket + "/policies/travel policy.md")
                .containsEntry("s3_bucket", bucket)
                .containsEntry("s3_key", "policies/travel policy.md")
                .containsKeys("s3_last_modified", "s3_etag");
        assertThat((String) metadata.get("s3_last_modified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    @Test
    void aRescanOfTheBucketUploadsNothingTwiceAndPicksUpNewObjects() throws Exception {
        put("a.md", "alpha");
        put("b.md", "bravo");
        awaitStoredFiles(2);
        PARADIGM.clearRequests();

        Eventually.await("two more scans of both objects", Duration.ofSeconds(30),
                () -> lookups(bucket + "/a.md") >= 2 && lookups(bucket + "/b.md") >= 2);

        assertThat(uploads()).isEmpty();
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).hasSize(2);

        put("c.md", "charlie");
        awaitStoredFiles(3);
        assertThat(PARADIGM.storedFiles(PARADIGM.workspaceId())).extracting(StoredFile::externalId)
                .doesNotHaveDuplicates();
    }

    private void put(String key, String content) {
        s3.putObject(builder -> builder.bucket(bucket).key(key).contentType("text/plain"),
                RequestBody.fromString(content));
    }

    private static void awaitStoredFiles(int count) throws InterruptedException {
        Eventually.await(count + " documents in the emulator", Duration.ofSeconds(30),
                () -> PARADIGM.storedFiles(PARADIGM.workspaceId()).size() >= count);
    }

    private static List<RecordedRequest> uploads() {
        return PARADIGM.requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("/api/v3/files"))
                .toList();
    }

    private static long lookups(String externalId) {
        String encoded = java.net.URLEncoder.encode(externalId, java.nio.charset.StandardCharsets.UTF_8);
        return PARADIGM.requests().stream()
                .filter(request -> request.query() != null
                                   && (request.query().contains("external_metadata__external_id=" + encoded)
                                       || request.query().contains("external_metadata__external_id=" + externalId)))
                .count();
    }
}
