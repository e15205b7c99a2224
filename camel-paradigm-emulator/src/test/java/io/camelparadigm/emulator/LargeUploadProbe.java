package io.camelparadigm.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.mime.AbstractContentBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Run in its own small-heap JVM by {@link LargeUploadTest}: starts an emulator, streams a generated upload
 * of the given size to it through HttpClient 5's multipart builder, and checks the stored size and hash.
 * Prints {@code OK ...} and exits 0, or prints the failure and exits 1.
 */
public final class LargeUploadProbe {

    private LargeUploadProbe() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        try (ParadigmEmulator emulator = ParadigmEmulator.builder().maxFileSize(size).build().start();
             CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build()) {
            GeneratedBody body = new GeneratedBody(size);
            HttpPost post = new HttpPost(emulator.baseUrl() + "/api/v3/files");
            post.setHeader("Authorization", "Bearer " + emulator.apiKey());
            post.setEntity(MultipartEntityBuilder.create()
                    .addPart("file", body)
                    .addTextBody("workspace_id", String.valueOf(emulator.workspaceId()))
                    .build());
            int status = http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            StoredFile stored = emulator.storedFiles().isEmpty() ? null : emulator.storedFiles().get(0);
            String expected = body.sha256();
            if (status != 201 || stored == null || stored.size() != size || !stored.sha256().equals(expected)) {
                System.out.println("FAILED status=" + status + " stored=" + stored + " expected sha256=" + expected);
                System.exit(1);
            }
            System.out.println("OK status=" + status + " size=" + stored.size() + " sha256=" + stored.sha256()
                    + " maxHeapMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " peakHeapMb=" + peakHeapMegabytes());
        }
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** A file part whose bytes are a repeating pattern produced while written, hashed on the way. */
    private static final class GeneratedBody extends AbstractContentBody {
        private final long size;
        private final MessageDigest digest;

        GeneratedBody(long size) throws NoSuchAlgorithmException {
            super(ContentType.APPLICATION_OCTET_STREAM);
            this.size = size;
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public String getFilename() {
            return "large.bin";
        }

        @Override
        public long getContentLength() {
            return size;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = (byte) (i * 31 + 7);
            }
            long left = size;
            long round = 0;
            while (left > 0) {
                chunk[0] = (byte) round++;  // not a pure repetition: a misplaced chunk would change the hash
                int length = (int) Math.min(chunk.length, left);
                digest.update(chunk, 0, length);
                out.write(chunk, 0, length);
                left -= length;
            }
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
