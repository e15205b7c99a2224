package io.camelparadigm.component.paradigm;

import java.io.RandomAccessFile;
import java.nio.file.Path;

import io.camelparadigm.component.paradigm.client.ParadigmApiException;
import io.camelparadigm.emulator.ParadigmEmulator;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pooled connections the server closed are never used for an upload, and an upload the server refuses from its
 * headers ends in the server's answer, not in a broken pipe.
 */
class ConnectionReuseTest extends EmulatorRouteTestSupport {

    @TempDir
    Path dir;

    @Test
    void anUploadAfterTheServerClosedTheKeptAliveConnectionGoesOnAFreshOne() {
        String uri = "paradigm:upload?workspaceId=" + workspaceId();
        template.sendBodyAndHeader(uri, "first".getBytes(), Exchange.FILE_NAME, "first.txt");
        assertThat(EMULATOR.emulator().closeIdleConnections()).as("connections the server closed").isPositive();

        // no external id: an upload sent on a dead connection could not be sent again, it would be lost
        Exchange second = template.request(uri, e -> {
            e.getMessage().setBody("second".getBytes());
            e.getMessage().setHeader(Exchange.FILE_NAME, "second.txt");
        });

        assertThat(second.getException()).isNull();
        assertThat(EMULATOR.storedFiles(workspaceId())).hasSize(2);
    }

    @Test
    void anUploadOverTheServersLimitEndsInItsAnswerWhileTheBodyIsStillBeingSent() throws Exception {
        // the instance takes 1 KB; the route believes 1 GB is fine, so the body goes out
        try (ParadigmEmulator small = ParadigmEmulator.builder().maxFileSize(1024).build().start()) {
            Path big = dir.resolve("scan.pdf");
            try (RandomAccessFile sparse = new RandomAccessFile(big.toFile(), "rw")) {
                sparse.setLength(256L * 1024 * 1024);   // far more than the server reads of a refused body
            }
            String uri = "paradigm:upload?workspaceId=" + small.workspaceId() + "&maxFileSize=1073741824&baseUrl="
                         + small.baseUrl() + "&apiKey=" + small.apiKey();

            ParadigmApiException refused = failureOf(ParadigmApiException.class, () -> template.sendBody(uri, big));

            assertThat(refused.getHttpStatus()).isEqualTo(413);
            assertThat(refused.getCode()).isEqualTo("file_too_large");
            assertThat(small.requests()).as("not retried").hasSize(1);
            assertThat(small.storedFiles()).isEmpty();

            template.sendBodyAndHeader(uri, "small".getBytes(), Exchange.FILE_NAME, "next.txt");
            assertThat(small.storedFiles()).as("the next upload").hasSize(1);
        }
    }
}
