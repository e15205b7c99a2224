package io.camelparadigm.cluster;

import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camelparadigm.component.paradigm.ParadigmComponent;
import io.camelparadigm.component.paradigm.state.JdbcStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Camel instance of the cluster tests, run as its own OS process by {@link NodeProcess}. Configured by system
 * properties (see {@link NodeProcess}); {@code node.role} is {@code events} (a fileEvents consumer behind
 * {@code master:} on ZooKeeper, state in PostgreSQL) or {@code uploads} (a file route sharing a JDBC idempotent
 * repository). Everything it does that a test checks is written to PostgreSQL as it happens, so it survives kill -9.
 */
public final class ClusterNode {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    static final String BASE_PATH = "/camel-paradigm";
    static final String EVENTS_NAMESPACE = "paradigm-events";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = property("node.name");
        HikariDataSource database = dataSource(name);
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        camel.getRegistry().bind("database", database);
        ParadigmComponent paradigm = camel.getComponent("paradigm", ParadigmComponent.class);
        paradigm.getConfiguration().setBaseUrl(property("paradigm.baseUrl"));
        paradigm.getConfiguration().setApiKey(property("paradigm.apiKey"));
        JdbcTemplate sql = new JdbcTemplate(database);
        paradigm.setHttpClientConfigurer(builder -> builder
                .setUserAgent(userAgent(name)) // the emulator's request log tells which instance sent each request
                .addRequestInterceptorFirst((request, entity, context) -> {
                    if ("GET".equals(request.getMethod()) && request.getPath().startsWith("/api/v3/files?")) {
                        LOG.debug("listing {}", request.getPath());
                        sql.update("INSERT INTO polls (node) VALUES (?)", name); // each listing request, when it leaves
                    }
                })
                .addResponseInterceptorLast((response, entity, context) -> LOG.debug("answer {} dated {}",
                        response.getCode(), response.getFirstHeader("Date") == null ? null
                                : response.getFirstHeader("Date").getValue())));

        String role = property("node.role");
        switch (role) {
            case "events" -> events(camel, name, database);
            case "uploads" -> uploads(camel, name, database);
            default -> throw new IllegalArgumentException("node.role must be events or uploads, not " + role);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            camel.stop();
            database.close();
        }));
        camel.start();
        if ("events".equals(role)) {
            recordLeadership(camel, name, database);
        }
        System.out.println("READY " + name);
        new CountDownLatch(1).await();
    }

    static String userAgent(String node) {
        return "cluster-node/" + node;
    }

    /** fileEvents behind master: on ZooKeeper; each delivered change is a row of {@code delivered}. */
    private static void events(CamelContext camel, String name, DataSource database) throws Exception {
        camel.addService(clusterService(name));
        JdbcTemplate sql = new JdbcTemplate(database);
        camel.getRegistry().bind("paradigmState", new JdbcStateRepository(database) {
            @Override
            public String getState(String key) {
                String value = super.getState(key);
                LOG.debug("read state {}", value);
                sql.update("INSERT INTO state_reads (reader, value) VALUES (?, ?)", name, value); // what a new leader starts from
                return value;
            }

            @Override
            public void setState(String key, String value) {
                LOG.debug("writes state {}", value);
                super.setState(key, value);
            }
        });

        String uri = "master:" + EVENTS_NAMESPACE + ":paradigm:fileEvents?workspaceId=" + property("paradigm.workspaceId")
                     + "&startFrom=all&stateRepository=#paradigmState&stateKey=cluster-events&initialDelay=0&delay="
                     + property("events.delayMs");
        long workMs = Long.getLong("events.workMs");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("events")
                        .log(LoggingLevel.DEBUG, "io.camelparadigm.cluster.ClusterNode",
                                "delivers ${header.CamelParadigmFileId}:${header.CamelParadigmStatus}")
                        .delay(workMs).syncDelayed() // the work of a real route: a poll takes a while
                        .to("sql:INSERT INTO delivered (node, file_id, status, previous_status) VALUES ('" + name
                            + "', :#${header.CamelParadigmFileId}, :#${header.CamelParadigmStatus},"
                            + " :#${header.CamelParadigmPreviousStatus})?dataSource=#database");
            }
        });
    }

    /**
     * This module's {@link LeaderSelectorClusterService}, or with {@code zk.service=camel} camel-zookeeper's own
     * {@code ZooKeeperClusterService} (to reproduce CAMEL-24457 on Camel 4.18.0).
     */
    private static CamelClusterService clusterService(String name) {
        long sessionTimeout = Long.getLong("zk.sessionTimeoutMs");
        if ("camel".equals(System.getProperty("zk.service"))) {
            ZooKeeperClusterService camelService = new ZooKeeperClusterService();
            camelService.setId(name);
            camelService.setNodes(property("zk.nodes"));
            camelService.setBasePath(BASE_PATH);
            camelService.setSessionTimeout(sessionTimeout);
            camelService.setConnectTimeout(sessionTimeout);
            return camelService;
        }
        LeaderSelectorClusterService service = new LeaderSelectorClusterService();
        service.setId(name);
        service.setNodes(property("zk.nodes"));
        service.setBasePath(BASE_PATH);
        service.setSessionTimeout(sessionTimeout);
        service.setConnectionTimeout(sessionTimeout);
        return service;
    }

    /** Records each leadership change seen by this instance: {@code leadership(node, leader, at)}. */
    private static void recordLeadership(CamelContext camel, String name, DataSource database) throws Exception {
        JdbcTemplate sql = new JdbcTemplate(database);
        CamelClusterView view = camel.hasService(CamelClusterService.class).getView(EVENTS_NAMESPACE);
        view.addEventListener((CamelClusterEventListener.Leadership) (changed, leader) -> sql.update(
                "INSERT INTO leadership (node, leader) VALUES (?, ?)", name, changed.getLocalMember().isLeader()));
    }

    /**
     * Files of a shared folder uploaded by whichever instance takes them first: the file consumer's read lock is an
     * entry of Camel's JDBC idempotent repository, kept alive while this instance lives and taken over by another
     * instance once older than the lock's maximum age; the upload looks its external id up first, so a file stored
     * by an instance killed before it could move the file is not stored again.
     */
    private static void uploads(CamelContext camel, String name, DataSource database) throws Exception {
        // REPEATABLE READ: two instances taking over the same orphaned lock at once cannot both update it
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        JdbcOrphanLockAwareIdempotentRepository locks =
                new JdbcOrphanLockAwareIdempotentRepository(database, transactions, "paradigm-uploads", camel);
        locks.setLockMaxAgeMillis(Long.getLong("uploads.lockMaxAgeMs"));
        locks.setLockKeepAliveIntervalMillis(Long.getLong("uploads.lockMaxAgeMs") / 4);
        camel.getRegistry().bind("uploadLocks", locks);

        int concurrency = Integer.getInteger("uploads.concurrency");
        String inbox = "file:" + property("uploads.inbox") + "?readLock=idempotent&idempotentRepository=#uploadLocks"
                       + "&readLockRemoveOnCommit=true&readLockIdempotentReleaseDelay=2000&readLockIdempotentReleaseAsync=true"
                       + "&move=.done&shuffle=true&eagerMaxMessagesPerPoll=false&delay=100"
                       // Camel 4.18.0 deletes the lock of every listed file it did not start (another instance's
                       // too) unless idempotentEager=false: docs/scaling-out.md
                       + "&idempotentEager=false"
                       + "&maxMessagesPerPoll=" + concurrency * 2; // of the whole listing, shuffled
        String upload = "paradigm:upload?workspaceId=" + property("paradigm.workspaceId") + "&onExisting=skip"
                        + System.getProperty("uploads.endpointOptions", "");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a failed upload leaves its file in the folder (and releases its lock) for a later poll
                onException(Exception.class)
                        .to("sql:INSERT INTO upload_failed (node, file_name, error) VALUES ('" + name + "',"
                            + " :#${header.CamelFileName}, :#${exception.message})?dataSource=#database");
                from(inbox).routeId("uploads")
                        .threads(concurrency, concurrency).maxQueueSize(0) // a full pool makes the poller upload: it takes no more
                        .to("sql:INSERT INTO upload_started (node, file_name) VALUES ('" + name + "',"
                            + " :#${header.CamelFileName})?dataSource=#database")
                        .setHeader("CamelParadigmExternalId", header("CamelFileName"))
                        .to(upload)
                        .to("sql:INSERT INTO uploaded (node, file_name, skipped) VALUES ('" + name + "',"
                            + " :#${header.CamelFileName}, :#${header.CamelParadigmSkipped})?dataSource=#database");
            }
        });
    }

    private static HikariDataSource dataSource(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(property("db.url"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(8);
        config.setPoolName(name);
        config.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(config);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("system property " + key + " is required");
        }
        return value;
    }
}
