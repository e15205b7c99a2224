package io.camelparadigm.examples.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.camel.test.AvailablePortFinder;

/**
 * s3proxy (an S3-compatible server) started from its jar as a separate process on 127.0.0.1, with an in-memory
 * store. The jar is copied to {@code target/s3proxy/} by the build; its path comes in the {@code s3proxy.jar} system
 * property.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "local-identity";
    public static final String SECRET_KEY = "local-credential";

    private final Process process;
    private final int port;
    private final Path log;

    private S3ProxyServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static S3ProxyServer start(Path workDir) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No s3proxy jar at " + jar.toAbsolutePath() + ": run the tests through Maven");
        }
        int port = AvailablePortFinder.getNextAvailable();
        Properties settings = new Properties();
        settings.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        settings.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        settings.setProperty("s3proxy.identity", ACCESS_KEY);
        settings.setProperty("s3proxy.credential", SECRET_KEY);
        settings.setProperty("jclouds.provider", "transient");
        settings.setProperty("jclouds.identity", "unused");
        settings.setProperty("jclouds.credential", "unused");
        Path properties = workDir.resolve("s3proxy.properties");
        try (var out = Files.newBufferedWriter(properties)) {
            settings.store(out, "s3proxy for the examples' tests");
        }
        Path log = workDir.resolve("s3proxy.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", jar.toAbsolutePath().toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3ProxyServer server = new S3ProxyServer(process, port, log);
        server.awaitListening(Duration.ofSeconds(60));
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitListening(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy stopped at start:\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen on " + port + " within " + timeout + ":\n"
                                        + Files.readString(log));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
