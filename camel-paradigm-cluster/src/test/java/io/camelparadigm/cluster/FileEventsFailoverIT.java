package io.camelparadigm.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelparadigm.emulator.ParadigmEmulator;
import io.camelparadigm.emulator.SeedFile;
import io.camelparadigm.emulator.StoredFile;
import org.apache.curator.test.InstanceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances, each its own JVM, run {@code master:paradigm-events:paradigm:fileEvents} on a 3-server ZooKeeper
 * ensemble with the consumer state in PostgreSQL. The test is the service: on the emulator's manual clock it moves
 * every file one status forward per tick, and starts the next tick only when every current status was delivered, so
 * each status of each file can be seen by whichever instance leads and all of them must be delivered.
 */
class FileEventsFailoverIT {

    static final int SESSION_TIMEOUT_MS = 3_000;
    private static final String ELECTION = ClusterNode.BASE_PATH + "/" + ClusterNode.EVENTS_NAMESPACE;
    /** Files spend a step in each status; the test's clock stays half a step past each change (it is settled). */
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ParadigmEmulator emulator;
    private static ClusterDatabase database;
    private static ZooKeeperEnsemble zookeeper;

    private final List<NodeProcess> nodes = new ArrayList<>();
    private final List<Long> files = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() throws Exception {
        emulator = ParadigmEmulator.builder().manualClock().stepDuration(STEP).build().start();
        database = new ClusterDatabase();
        zookeeper = new ZooKeeperEnsemble();
    }

    @AfterAll
    static void stopInfrastructure() throws Exception {
        zookeeper.close();
        database.close();
        emulator.close();
    }

    @BeforeEach
    void startNodes() {
        for (int i = 1; i <= 3; i++) {
            nodes.add(NodeProcess.start("events", "node-" + i, Map.of(
                    "node.role", "events",
                    "zk.nodes", zookeeper.connectString(),
                    "zk.sessionTimeoutMs", String.valueOf(SESSION_TIMEOUT_MS),
                    "db.url", database.jdbcUrl(),
                    "paradigm.baseUrl", emulator.baseUrl(),
                    "paradigm.apiKey", emulator.apiKey(),
                    "paradigm.workspaceId", String.valueOf(emulator.workspaceId()),
                    "events.delayMs", "100",
                    "events.workMs", "20",
                    // -Dcluster.zkService=camel: camel-zookeeper's ZooKeeperClusterService (CAMEL-24457 on 4.18.0)
                    "zk.service", System.getProperty("cluster.zkService", "leader-selector"))));
        }
        nodes.forEach(node -> node.awaitReady(WAIT));
    }

    @AfterEach
    void stopNodes() throws java.io.IOException {
        nodes.forEach(NodeProcess::close);
        writeTimeline();
    }

    @Test
    void aZooKeeperServerTheQuorumAndTheLeaderProcessLostInTurnLoseNoChangeAndNeverMakeTwoPollers() throws Exception {
        seed(10);
        awaitCurrentStatusesDelivered();

        // 1. a follower the leader is not connected to: nothing happens
        String leader = zookeeper.leaderOf(ELECTION);
        InstanceSpec leaderServer = zookeeper.serverOf(ELECTION, leader);
        InstanceSpec follower = zookeeper.followerOtherThan(leaderServer);
        zookeeper.kill(follower);
        tick(10);
        awaitCurrentStatusesDelivered();
        assertThat(zookeeper.leaderOf(ELECTION)).isEqualTo(leader);
        // leadership never moves; under load the leader may step down on a suspended connection and win again
        assertThat(leadershipChangesSince(Instant.EPOCH)).as("elections").containsOnly(leader);
        zookeeper.restart(follower);
        zookeeper.awaitServing(follower);

        // 2. the server the leader is connected to: unsure whether it still leads, the leader steps down at once and an
        // instance still connected takes over
        leader = zookeeper.leaderOf(ELECTION);
        Instant serverLostAt = Instant.now();
        zookeeper.kill(zookeeper.serverOf(ELECTION, leader));
        tick(10);
        awaitCurrentStatusesDelivered();
        Instant steppedDown = stepDown(leader, serverLostAt);
        Instant successorElected = election(serverLostAt);
        zookeeper.restartStopped();

        // 3. no quorum: nobody polls (no instance can know it leads); polling resumes when the quorum is back
        leader = zookeeper.leaderOf(ELECTION);
        leaderServer = zookeeper.serverOf(ELECTION, leader);
        Instant quorumLostAt = Instant.now();
        zookeeper.kill(leaderServer);
        zookeeper.kill(zookeeper.otherThan(leaderServer));
        tick(10); // these changes wait for the quorum
        Instant quorumStepDown = stepDown(leader, quorumLostAt);
        Instant quietFrom = Instant.now();
        Instant quietUntil = quietFrom.plusMillis(2L * SESSION_TIMEOUT_MS); // past any session: a stale leader would poll
        Eventually.until(WAIT, "the outage observed", () -> Instant.now().isAfter(quietUntil));
        long pollsWithoutQuorum = database.sql().queryForObject(
                "SELECT COUNT(*) FROM polls WHERE at > ?", Long.class, Timestamp.from(quietFrom));
        Instant quorumBackAt = Instant.now();
        zookeeper.restartStopped();
        awaitCurrentStatusesDelivered();
        assertThat(pollsWithoutQuorum).as("listing requests while ZooKeeper had no quorum").isZero();
        Instant pollingResumed = database.sql().queryForObject("SELECT MIN(at) FROM polls WHERE at > ?",
                (row, i) -> row.getTimestamp(1).toInstant(), Timestamp.from(quorumBackAt));

        // 4. kill -9 the leader while it delivers a tick's 50 changes (20 ms each): none of them is committed yet
        tick(20);
        String killed = awaitDeliveringNode(8);
        Instant killedAt = Instant.now();
        node(killed).kill();
        finishTheStream();

        List<Delivery> deliveries = deliveries();
        assertThat(distinctChanges(deliveries)).isEqualTo(expectedChanges());
        assertOnePollerAtATime();
        assertNoWriteFromAnotherInstanceAfterATakeover();

        Instant lastCommit = lastStateWrite(killed);
        Set<String> committed = new HashSet<>();
        Set<String> uncommitted = new HashSet<>();
        Set<String> afterTheKill = new HashSet<>();
        for (Delivery delivery : deliveries) {
            if (delivery.at().isBefore(lastCommit)) {
                committed.add(delivery.change());
            } else if (delivery.node().equals(killed)) {
                uncommitted.add(delivery.change());
            } else if (delivery.at().isAfter(killedAt)) {
                afterTheKill.add(delivery.change());
            }
        }
        assertThat(uncommitted).as("changes the killed leader delivered after its last commit").isNotEmpty();
        assertThat(afterTheKill).as("delivered again by the successor").containsAll(uncommitted);
        assertThat(afterTheKill).as("committed changes delivered again").doesNotContainAnyElementsOf(committed);

        Instant elected = election(killedAt);
        Instant firstDelivery = deliveries.stream().filter(d -> d.at().isAfter(killedAt) && !d.node().equals(killed))
                .findFirst().orElseThrow().at();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("zookeeperSessionTimeoutMs", SESSION_TIMEOUT_MS);
        figures.put("leaderServerLost_stepDownMs", millis(serverLostAt, steppedDown));
        figures.put("leaderServerLost_successorElectedMs", millis(serverLostAt, successorElected));
        figures.put("quorumLost_stepDownMs", millis(quorumLostAt, quorumStepDown));
        figures.put("quorumLost_pollsWithoutQuorum", pollsWithoutQuorum);
        figures.put("quorumBack_pollingResumedMs", millis(quorumBackAt, pollingResumed));
        figures.put("leaderKilled_successorElectedMs", millis(killedAt, elected));
        figures.put("leaderKilled_firstDeliveryMs", millis(killedAt, firstDelivery));
        figures.put("leaderKilled_deliveredAgain", uncommitted.size());
        figures.put("changes", expectedChanges().size());
        figures.put("deliveries", deliveries.size());
        Figures.print("fileEvents on 3 instances: ZooKeeper server, quorum, leader process lost", figures);
    }

    // ---- the stream

    /**
     * The first {@code count} files, created half a step ago (settled: past the consumer's overlap), before any
     * listing found a file: until then the consumer's watermark does not move.
     */
    private void seed(int count) {
        seedAt(emulator.now().minus(STEP.dividedBy(2)), count);
    }

    /** {@code count} new pending files created at {@code createdAt}; they change status with the others. */
    private void seedAt(Instant createdAt, int count) {
        for (int i = 0; i < count; i++) {
            files.add(emulator.seedFile(SeedFile.builder(emulator.workspaceId(), "file-" + files.size() + ".pdf")
                    .createdAt(createdAt).build()));
        }
    }

    /**
     * Every file one status forward and {@code newFiles} new ones, all half a step before the clock's new time. The
     * new files appear when the clock is at their creation time, as on the real service: created half a step back
     * after the whole step, they could be behind a listing made meanwhile at the new time, whose watermark (that time
     * less the overlap) is past them, and no listing would ever return them.
     */
    private void tick(int newFiles) {
        emulator.advance(STEP.dividedBy(2));
        seedAt(emulator.now(), newFiles);
        emulator.advance(STEP.dividedBy(2));
    }

    private void finishTheStream() {
        awaitCurrentStatusesDelivered();
        while (!allEmbedded()) {
            tick(0);
            awaitCurrentStatusesDelivered();
        }
    }

    private static boolean allEmbedded() {
        return emulator.storedFiles(emulator.workspaceId()).stream().allMatch(file -> file.status().equals("embedded"));
    }

    /**
     * On a time-out every node writes its threads' stacks to its log, and the failure says which statuses are missing
     * and who polled lately, so that a failure explains itself (with the logs and timeline.txt).
     */
    private void awaitCurrentStatusesDelivered() {
        try {
            Eventually.until(WAIT, "every current status delivered", () -> undeliveredStatuses().isEmpty());
        } catch (AssertionError e) {
            nodes.forEach(NodeProcess::dumpThreads);
            throw new AssertionError(e.getMessage() + "; not delivered: " + undeliveredStatuses()
                    + "; listing requests in the last 10 s: " + database.sql().queryForList(
                    "SELECT node || ' x' || COUNT(*) || ', last at ' || MAX(at) FROM polls"
                    + " WHERE at > clock_timestamp() - interval '10 seconds' GROUP BY node", String.class)
                    + " (node logs with thread dumps and timeline.txt in " + System.getProperty("cluster.logs") + ")", e);
        }
    }

    private Set<String> undeliveredStatuses() {
        Set<String> deliveredStatuses = new HashSet<>();
        distinctChanges(deliveries()).forEach(change -> deliveredStatuses.add(
                change.substring(0, change.indexOf('<') < 0 ? change.length() : change.indexOf('<'))));
        Set<String> missing = new java.util.TreeSet<>();
        for (StoredFile file : emulator.storedFiles(emulator.workspaceId())) {
            String current = file.id() + ":" + file.status();
            if (!deliveredStatuses.contains(current)) {
                missing.add(current);
            }
        }
        return missing;
    }

    /** The node delivering now, once it delivered {@code count} changes since the last tick. */
    private String awaitDeliveringNode(int count) {
        long before = database.sql().queryForObject("SELECT COUNT(*) FROM delivered", Long.class);
        Eventually.until(WAIT, count + " deliveries", () ->
                database.sql().queryForObject("SELECT COUNT(*) FROM delivered", Long.class) >= before + count);
        return database.sql().queryForObject("SELECT node FROM delivered ORDER BY seq DESC LIMIT 1", String.class);
    }

    private Set<String> expectedChanges() {
        Set<String> expected = new HashSet<>();
        for (long id : files) {
            expected.add(id + ":pending");
            expected.add(id + ":parsing<-pending");
            expected.add(id + ":embedding<-parsing");
            expected.add(id + ":embedded<-embedding");
        }
        return expected;
    }

    // ---- what the nodes reported

    record Delivery(long seq, String node, String change, Instant at) {
    }

    private static List<Delivery> deliveries() {
        return database.sql().query("SELECT seq, node, file_id, status, previous_status, at FROM delivered ORDER BY seq",
                (row, i) -> new Delivery(row.getLong("seq"), row.getString("node"),
                        row.getLong("file_id") + ":" + row.getString("status")
                        + (row.getString("previous_status") == null ? "" : "<-" + row.getString("previous_status")),
                        row.getTimestamp("at").toInstant()));
    }

    /** Deliveries, leadership changes, state reads and writes in time order: {@code <cluster.logs>/events/timeline.txt}. */
    private static void writeTimeline() throws java.io.IOException {
        List<String> lines = database.sql().queryForList(
                "SELECT to_char(at, 'HH24:MI:SS.MS') || ' ' || line FROM ("
                + " SELECT at, node || ' delivered ' || file_id || ':' || status || COALESCE('<-' || previous_status, '') AS line FROM delivered"
                + " UNION ALL SELECT at, node || CASE WHEN leader THEN ' leads' ELSE ' steps down' END FROM leadership"
                + " UNION ALL SELECT at, reader || ' read state ' || COALESCE(value, 'null') FROM state_reads"
                + " UNION ALL SELECT at, writer || ' wrote state ' || value FROM state_writes"
                + " UNION ALL SELECT at, node || ' lists' FROM polls) events ORDER BY at", String.class);
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("cluster.logs", "target/cluster-logs"), "events", "timeline.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, lines);
    }

    private static Set<String> distinctChanges(List<Delivery> deliveries) {
        Set<String> changes = new HashSet<>();
        deliveries.forEach(delivery -> changes.add(delivery.change()));
        return changes;
    }




    /**
     * Listing requests in time order, grouped in runs of one node: a run starts well after the previous one ended
     * (a new leader starts its consumer a second after its election). Two pollers at once would interleave.
     */
    private static void assertOnePollerAtATime() {
        record Poll(String node, Instant at) {
        }
        List<Poll> polls = database.sql().query("SELECT node, at FROM polls ORDER BY at",
                (row, i) -> new Poll(row.getString("node"), row.getTimestamp("at").toInstant()));
        for (int i = 1; i < polls.size(); i++) {
            Poll previous = polls.get(i - 1);
            Poll poll = polls.get(i);
            if (!poll.node().equals(previous.node())) {
                assertThat(Duration.between(previous.at(), poll.at()))
                        .as("%s polled at %s, %s at %s", previous.node(), previous.at(), poll.node(), poll.at())
                        .isGreaterThan(Duration.ofMillis(500));
            }
        }
    }

    /**
     * An instance that stepped down saved its state before its successor read it, and wrote nothing after: from each
     * read of the state (a consumer starting on its election) to the next election of another instance, only the
     * reader writes the state. A late write of the previous leader would replace the successor's state with an older
     * one, and changes it had committed would be delivered again.
     */
    private static void assertNoWriteFromAnotherInstanceAfterATakeover() {
        record Read(String reader, Timestamp at) {
        }
        List<Read> reads = database.sql().query("SELECT reader, at FROM state_reads ORDER BY at",
                (row, i) -> new Read(row.getString("reader"), row.getTimestamp("at")));
        assertThat(reads).as("state reads (one per consumer start)").isNotEmpty();
        for (Read read : reads) {
            Timestamp nextElection = database.sql().queryForObject(
                    "SELECT MIN(at) FROM leadership WHERE leader AND node <> ? AND at > ?", Timestamp.class,
                    read.reader(), read.at());
            List<String> others = database.sql().queryForList("SELECT writer || ' at ' || at FROM state_writes"
                    + " WHERE writer <> ? AND at > ? AND (?::timestamptz IS NULL OR at < ?)", String.class,
                    read.reader(), read.at(), nextElection, nextElection);
            assertThat(others).as("state writes of other instances after %s read it at %s", read.reader(), read.at())
                    .isEmpty();
        }
    }

    private static Instant lastStateWrite(String node) {
        return database.sql().queryForObject("SELECT MAX(at) FROM state_writes WHERE writer = ?",
                (row, i) -> row.getTimestamp(1).toInstant(), node);
    }

    /** When {@code node} stepped down after {@code after}, waiting for it. */
    private static Instant stepDown(String node, Instant after) {
        Eventually.until(WAIT, node + " stepped down", () -> database.sql().queryForObject(
                "SELECT COUNT(*) FROM leadership WHERE node = ? AND NOT leader AND at > ?", Long.class, node,
                Timestamp.from(after)) > 0);
        return database.sql().queryForObject("SELECT MIN(at) FROM leadership WHERE node = ? AND NOT leader AND at > ?",
                (row, i) -> row.getTimestamp(1).toInstant(), node, Timestamp.from(after));
    }

    /** The first election of any instance after {@code after}, waiting for it. */
    private static Instant election(Instant after) {
        Eventually.until(WAIT, "an election", () -> !leadershipChangesSince(after).isEmpty());
        return database.sql().queryForObject("SELECT MIN(at) FROM leadership WHERE leader AND at > ?",
                (row, i) -> row.getTimestamp(1).toInstant(), Timestamp.from(after));
    }

    /** The instances elected since {@code after}, in order. */
    private static List<String> leadershipChangesSince(Instant after) {
        return database.sql().queryForList("SELECT node FROM leadership WHERE leader AND at > ? ORDER BY seq",
                String.class, Timestamp.from(after));
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    private NodeProcess node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst().orElseThrow();
    }
}
