package io.camelparadigm.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.client.FourLetterWordMain;
import org.apache.zookeeper.common.X509Exception;
import org.apache.zookeeper.data.Stat;

/** A real 3-server ZooKeeper ensemble in this JVM (Apache Curator's TestingCluster), servers stopped and restarted at will. */
final class ZooKeeperEnsemble implements AutoCloseable {

    /** Sessions may last from one tick to 20 ticks: 0.5 s to 10 s. */
    static final int TICK_MS = 500;

    private final TestingCluster cluster;
    private final List<InstanceSpec> servers = new ArrayList<>();
    private final Set<InstanceSpec> stopped = new HashSet<>();

    ZooKeeperEnsemble() throws Exception {
        for (int id = 1; id <= 3; id++) {
            servers.add(new InstanceSpec(null, -1, -1, -1, true, id, TICK_MS, -1,
                    Map.of("4lw.commands.whitelist", "cons,stat"), "127.0.0.1"));
        }
        cluster = new TestingCluster(servers);
        cluster.start();
    }

    String connectString() {
        return cluster.getConnectString();
    }

    List<InstanceSpec> servers() {
        return servers;
    }

    /**
     * The server a member of a leader election (Curator's LeaderSelector under {@code path}) is connected to: the
     * owner session of its lock node, found in the servers' connection lists ({@code cons}).
     */
    InstanceSpec serverOf(String path, String member) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(connectString(), new RetryOneTime(100))) {
            client.start();
            client.blockUntilConnected();
            long session = 0;
            for (String child : client.getChildren().forPath(path)) {
                Stat stat = new Stat();
                byte[] id = client.getData().storingStatIn(stat).forPath(path + "/" + child);
                if (member.equals(new String(id, StandardCharsets.UTF_8))) {
                    session = stat.getEphemeralOwner();
                }
            }
            String sid = "sid=0x" + Long.toHexString(session);
            List<InstanceSpec> found = new ArrayList<>();
            Eventually.until(Duration.ofSeconds(60), "the server holding the session of " + member, () -> {
                servers.stream().filter(server -> fourLetterWord(server, "cons").contains(sid)).findFirst()
                        .ifPresent(found::add);
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** The member that leads the election under {@code path}: the one whose lock node has the lowest sequence. */
    String leaderOf(String path) throws Exception {
        try (CuratorFramework client = CuratorFrameworkFactory.newClient(connectString(), new RetryOneTime(100))) {
            client.start();
            client.blockUntilConnected();
            String first = client.getChildren().forPath(path).stream()
                    .min(Comparator.comparing(child -> child.substring(child.lastIndexOf('-') + 1)))
                    .orElseThrow();
            return new String(client.getData().forPath(path + "/" + first), StandardCharsets.UTF_8);
        }
    }

    /** A server other than {@code server} that is a follower (not the ensemble's own leader), waiting for one. */
    InstanceSpec followerOtherThan(InstanceSpec server) {
        List<InstanceSpec> found = new ArrayList<>();
        Eventually.until(Duration.ofSeconds(60), "a follower other than server " + server.getServerId(), () -> {
            servers.stream().filter(candidate -> !candidate.equals(server))
                    .filter(candidate -> fourLetterWord(candidate, "stat").contains("Mode: follower"))
                    .findFirst().ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    /** Any server other than {@code server}. */
    InstanceSpec otherThan(InstanceSpec server) {
        return servers.stream().filter(candidate -> !candidate.equals(server)).findFirst().orElseThrow();
    }

    void kill(InstanceSpec server) throws Exception {
        cluster.killServer(server);
        stopped.add(server);
    }

    void restart(InstanceSpec server) throws Exception {
        cluster.restartServer(server);
        stopped.remove(server);
    }

    /** Restarts every killed server and waits until each serves clients again. */
    void restartStopped() throws Exception {
        for (InstanceSpec server : List.copyOf(stopped)) {
            restart(server);
        }
        servers.forEach(this::awaitServing);
    }

    /** Waits until {@code server} is part of a quorum again (it answers stat with its mode). */
    void awaitServing(InstanceSpec server) {
        Eventually.until(Duration.ofSeconds(60), "ZooKeeper server " + server.getServerId() + " serving",
                () -> fourLetterWord(server, "stat").contains("Mode: "));
    }

    /** ZooKeeper's admin command answer, empty when the server does not answer. */
    private static String fourLetterWord(InstanceSpec server, String command) {
        try {
            return FourLetterWordMain.send4LetterWord("127.0.0.1", server.getPort(), command);
        } catch (IOException | X509Exception.SSLContextException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        cluster.close();
    }
}
