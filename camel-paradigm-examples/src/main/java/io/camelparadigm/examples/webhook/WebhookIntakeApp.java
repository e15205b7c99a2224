package io.camelparadigm.examples.webhook;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.examples.embedded.ParadigmConnection;
import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * A camel-main app running the webhook intake ({@link DocumentWebhookRoutes}) and the status watcher
 * ({@code routes/status-watcher.yaml}) side by side: POST documents, watch them being processed, find failures in
 * the dead-letter folder. Without {@code PARADIGM_API_KEY} it uses an embedded emulator, like the folder uploader.
 * <p>
 * Settings (application.properties, -D or environment): {@code webhook.port} (default 8080), {@code webhook.host}
 * (default 127.0.0.1), the Paradigm ones of {@link ParadigmConnection} and those of the two routes.
 */
public final class WebhookIntakeApp {

    public static final String PORT = "webhook.port";
    public static final String HOST = "webhook.host";

    private WebhookIntakeApp() {
    }

    public static void main(String[] args) throws Exception {
        try {
            create(System.out, Map.of()).run(args);
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IllegalArgumentException badSetting) {
                    System.err.println("Error: " + badSetting.getMessage());
                    System.exit(2);
                }
            }
            throw e;
        }
    }

    /** A configured camel-main, not started; {@code overrides} win over every other property source. */
    public static Main create(PrintStream out, Map<String, String> overrides) {
        Main main = new Main();
        main.setPropertyPlaceholderLocations(
                "classpath:application.properties;optional=true,file:application.properties;optional=true");
        overrides.forEach(main::addOverrideProperty);
        main.configure().withRoutesIncludePattern("classpath:routes/status-watcher.yaml");
        ParadigmConnection[] connection = new ParadigmConnection[1];
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                connection[0] = connect(getContext(), out);
                getContext().addRoutes(new DocumentWebhookRoutes());
            }
        });
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStop(BaseMainSupport stopped) {
                if (connection[0] != null) {
                    connection[0].close();
                }
            }
        });
        return main;
    }

    private static ParadigmConnection connect(CamelContext context, PrintStream out) throws Exception {
        Function<String, Optional<String>> properties = context.getPropertiesComponent()::resolveProperty;
        ParadigmConnection connection = ParadigmConnection.resolve(properties);
        out.println(connection.describe());
        ParadigmComponent paradigm = context.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(connection.baseUrl());
        paradigm.getConfiguration().setApiKey(connection.apiKey());
        // the routes read the workspace as a property; with the embedded emulator it is only known now
        context.getPropertiesComponent().addOverrideProperty(ParadigmConnection.WORKSPACE_ID,
                String.valueOf(connection.workspaceId()));

        String host = properties.apply(HOST).orElse("127.0.0.1");
        int port = properties.apply(PORT).map(Integer::parseInt).orElse(8080);
        String url = "http://" + host + ":" + port + context.resolvePropertyPlaceholders("{{webhook.path:/documents}}");
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost(host);
        server.setBindPort(port);
        context.addService(new WebhookServer(server, url, out));
        return connection;
    }

    /** platform-http's server, which fails the start when it cannot listen, and then says where it listens. */
    private static final class WebhookServer extends VertxPlatformHttpServer {
        private final VertxPlatformHttpServerConfiguration configuration;
        private final String url;
        private final PrintStream out;

        WebhookServer(VertxPlatformHttpServerConfiguration configuration, String url, PrintStream out) {
            super(configuration);
            this.configuration = configuration;
            this.url = url;
            this.out = out;
        }

        @Override
        protected void startServer() throws Exception {
            super.startServer();
            // platform-http only logs a failed bind and starts anyway: the app would run without its webhook
            if (getServer() instanceof TCPServerBase tcp && !tcp.isListening()) {
                int port = configuration.getBindPort();
                throw new IllegalArgumentException(PORT + " " + port + ": cannot listen on "
                        + configuration.getBindHost() + ":" + port + " (in use?); set -D" + PORT + " to a free port");
            }
            out.println("Webhook intake on " + url + ", e.g.: curl --data-binary @notes.md -H 'Content-Type: "
                    + "application/octet-stream' -H 'X-Document-Filename: notes.md' " + url);
        }
    }
}
