package io.camelparadigm.component.paradigm.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.camelparadigm.component.paradigm.model.ExternalMetadata;
import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.RecordedRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Content that cannot be read while it is sent fails the upload at once, naming what could not be read: sending
 * again cannot help, unlike after a broken connection. The client retries as the component's does (maxRetries=5),
 * its waits skipped.
 */
class UnreadableContentTest {

    private static final int MAX_RETRIES = 5;

    @TempDir
    Path dir;

    private ParadigmEmulator paradigm;
    private CloseableHttpClient http;
    private ParadigmClient client;

    @BeforeEach
    void start() {
        paradigm = ParadigmEmulator.builder().build().start();
        http = HttpClients.custom().disableAutomaticRetries().build();
        RetryPolicy retries = new RetryPolicy(MAX_RETRIES, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofSeconds(60), millis -> { }, () -> 0);
        client = new ParadigmClient(http, paradigm.baseUrl(), paradigm.apiKey(), Duration.ofSeconds(30), retries,
                KeyGate.unshared(paradigm.baseUrl()), false);
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        paradigm.close();
    }

    /** A file deleted between the checks before sending and the sending itself (a file share being cleaned up). */
    @Test
    void aFileDeletedAfterItWasCheckedFailsOnceNamingTheFileInsteadOfBeingRetriedAsABrokenConnection()
            throws Exception {
        Path file = Files.writeString(dir.resolve("report.pdf"), "%PDF-1.7 a report");
        UploadContent content = new UploadContent.FromFile(file);
        Files.delete(file);

        ParadigmException failure = catchThrowableOfType(() -> client.upload(request(content, "share:report.pdf")),
                ParadigmException.class);

        assertThat(failure.getMessage()).isEqualTo("upload: POST " + paradigm.baseUrl() + "/api/v3/files failed: "
                + "cannot read " + file + " to upload (NoSuchFileException: " + file + ")");
        assertThat(client.gate().statistics().retries()).as("retries").isZero();
        assertThat(client.gate().statistics().lookups()).as("look-ups of the external id").isZero();
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).isEmpty();
    }

    /** Without an external id the failure is no "may have been stored" either: nothing could have been. */
    @Test
    void aFileDeletedAfterItWasCheckedFailsWithTheReadErrorWhenTheUploadHasNoExternalId() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "some notes");
        UploadContent content = new UploadContent.FromFile(file);
        Files.delete(file);

        ParadigmException failure = catchThrowableOfType(() -> client.upload(request(content, null)),
                ParadigmException.class);

        assertThat(failure.getMessage())
                .endsWith("failed: cannot read " + file + " to upload (NoSuchFileException: " + file + ")");
        assertThat(client.gate().statistics().retries()).as("retries").isZero();
    }

    /** The source fails partway (a network share gone, a disk error): the service got an incomplete request. */
    @Test
    void contentWhoseReadFailsPartwayIsSentOnceAndNothingIsStored() {
        byte[] start = bytes(64 * 1024);
        UploadContent content = new UploadContent.Reopenable("scan.tiff", 4 * start.length,
                () -> new FailingAfter(start, new IOException("Input/output error")));

        ParadigmException failure = catchThrowableOfType(() -> client.upload(request(content, "share:scan.tiff")),
                ParadigmException.class);

        assertThat(failure.getMessage()).endsWith("failed: cannot read scan.tiff to upload "
                + "(IOException: Input/output error)");
        // the upload's headers and start reached the emulator (it may not have logged them yet): one POST at most
        assertThat(paradigm.requests()).extracting(RecordedRequest::method)
                .allMatch("POST"::equals).hasSizeLessThanOrEqualTo(1);
        assertThat(client.gate().statistics().retries()).as("retries").isZero();
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).isEmpty();
    }

    /** A one-shot stream (an HTTP download, say) that breaks: named as unreadable, not as a stream not re-sent. */
    @Test
    void aOneShotStreamWhoseReadFailsPartwayFailsNamingTheReadError() {
        byte[] start = bytes(64 * 1024);
        UploadContent content = new UploadContent.FromStream(new FailingAfter(start,
                new IOException("Connection reset by peer")), "download.pdf");

        ParadigmException failure = catchThrowableOfType(() -> client.upload(request(content, "share:download.pdf")),
                ParadigmException.class);

        assertThat(failure.getMessage()).endsWith("failed: cannot read download.pdf to upload "
                + "(IOException: Connection reset by peer)");
        assertThat(client.gate().statistics().retries()).as("retries").isZero();
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).isEmpty();
    }

    /**
     * New content from a stream that breaks partway, sent chunked: HttpClient would end the body cleanly, and the
     * service's parser (Django's) would take the part received as the whole file and replace the document's content
     * with it. The request is aborted instead, and the document stays as it was.
     */
    @Test
    void newContentWhoseReadFailsPartwayLeavesTheDocumentAsItWas() throws InterruptedException {
        long id = client.upload(request(new UploadContent.FromBytes("the whole report".getBytes(StandardCharsets.UTF_8), "report.txt"),
                "share:report.txt")).file().id();
        String before = paradigm.storedFiles(paradigm.workspaceId()).get(0).sha256();
        byte[] start = bytes(64 * 1024);
        UploadContent broken = new UploadContent.FromStream(new FailingAfter(start,
                new IOException("Connection reset by peer")), "report.txt");

        ParadigmException failure = catchThrowableOfType(
                () -> client.updateFile(id, new FileUpdate(null, null, null, broken, null)), ParadigmException.class);

        assertThat(failure.getMessage()).endsWith("failed: cannot read report.txt to upload "
                + "(IOException: Connection reset by peer)");
        assertThat(answeredPatchStatus()).as("the emulator's answer to the incomplete PATCH").isEqualTo(400);
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).singleElement()
                .satisfies(file -> assertThat(file.sha256()).as("content").isEqualTo(before));
    }

    /**
     * A file cut short while it is sent (rewritten, truncated): the body ends before the length the request announced,
     * which would leave the service waiting for the rest until the response timeout, then be retried.
     */
    @Test
    void contentThatEndsBeforeItsAnnouncedLengthFailsAtOnceSayingItWasCutShort() {
        byte[] start = bytes(64 * 1024);
        UploadContent content = new UploadContent.Reopenable("export.csv", 4 * start.length,
                () -> new ByteArrayInputStream(start));

        ParadigmException failure = catchThrowableOfType(() -> client.upload(request(content, "share:export.csv")),
                ParadigmException.class);

        assertThat(failure.getMessage()).endsWith("failed: cannot read export.csv to upload (it ended after 65536 of "
                + "its 262144 bytes: it was cut short while it was sent)");
        assertThat(client.gate().statistics().retries()).as("retries").isZero();
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).isEmpty();
    }

    /**
     * A file written to while it is sent (a log, an export still running): it holds more than the length the request
     * announced, and HttpClient would drop what goes past it, so the extra bytes would take the place of the fields
     * and the closing boundary after the file part (a replacement would store a prefix and lose its metadata).
     */
    @Test
    void contentThatGoesOnPastItsAnnouncedLengthFailsSayingItWasWrittenTo() {
        byte[] grown = bytes(128 * 1024);
        UploadContent content = new UploadContent.Reopenable("app.log", grown.length / 2,
                () -> new ByteArrayInputStream(grown));

        ParadigmException failure = catchThrowableOfType(() -> client.upload(request(content, "share:app.log")),
                ParadigmException.class);

        assertThat(failure.getMessage()).endsWith("failed: cannot read app.log to upload (it holds more than the "
                + "65536 bytes it had when the upload started: it was written to while it was sent)");
        assertThat(client.gate().statistics().retries()).as("retries").isZero();
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).isEmpty();
    }

    @Test
    void aReplacementWrittenToWhileItIsSentLeavesTheDocumentAsItWas() throws InterruptedException {
        long id = client.upload(request(new UploadContent.FromBytes("version 1".getBytes(StandardCharsets.UTF_8),
                "app.log"), "share:app.log")).file().id();
        String before = paradigm.storedFiles(paradigm.workspaceId()).get(0).sha256();
        byte[] grown = bytes(128 * 1024);
        UploadContent content = new UploadContent.Reopenable("app.log", grown.length / 2,
                () -> new ByteArrayInputStream(grown));

        ParadigmException failure = catchThrowableOfType(() -> client.updateFile(id, new FileUpdate("Application log",
                null, null, content, null)), ParadigmException.class);

        assertThat(failure.getMessage()).contains("it was written to while it was sent");
        assertThat(answeredPatchStatus()).as("the emulator's answer to the incomplete PATCH").isEqualTo(400);
        assertThat(paradigm.storedFiles(paradigm.workspaceId())).singleElement().satisfies(file -> {
            assertThat(file.sha256()).as("content").isEqualTo(before);
            assertThat(file.title()).as("title").isEqualTo("app");
        });
    }

    /**
     * The status the emulator answered the PATCH with (200 if it took the content), once it has: it may still be
     * reading what it got when the client has given up.
     */
    private int answeredPatchStatus() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = patchStatus();
        while (status == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            status = patchStatus();
        }
        return status;
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) 'x');
        return bytes;
    }

    /** The status the emulator answered the PATCH, 0 before it has (or before the PATCH reached it). */
    private int patchStatus() {
        return paradigm.requests().stream().filter(request -> request.method().equals("PATCH")).findFirst()
                .map(RecordedRequest::status).orElse(0);
    }

    private UploadRequest request(UploadContent content, String externalId) {
        return new UploadRequest(paradigm.workspaceId(), content, null, null, null, List.of(),
                externalId == null ? null : ExternalMetadata.of(externalId));
    }

    /** Gives its bytes, then fails as a disk or a share that went away does. */
    private static final class FailingAfter extends InputStream {
        private final byte[] bytes;
        private final IOException failure;
        private int position;

        FailingAfter(byte[] bytes, IOException failure) {
            this.bytes = bytes;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == bytes.length) {
                throw failure;
            }
            int count = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
