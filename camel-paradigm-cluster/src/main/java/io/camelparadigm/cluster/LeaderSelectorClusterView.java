package io.camelparadigm.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;
import org.apache.curator.framework.recipes.leader.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code master:} namespace: a Curator {@link LeaderSelector} under {@code path}. Curator interrupts the
 * leadership when the connection is suspended or lost (its default error policy); leadership then ends here, and
 * {@code master:} hears of it, whatever ZooKeeper can answer at that moment.
 */
final class LeaderSelectorClusterView extends AbstractCamelClusterView {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderSelectorClusterView.class);

    private final CuratorFramework client;
    private final String path;
    private final CamelClusterMember localMember = new LocalMember();
    private volatile boolean leader;
    private volatile LeaderSelector selector;

    LeaderSelectorClusterView(CamelClusterService cluster, CuratorFramework client, String basePath, String namespace) {
        super(cluster, namespace);
        this.client = client;
        this.path = basePath + "/" + namespace;
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return localMember;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        if (leader) {
            return Optional.of(localMember);
        }
        LeaderSelector current = selector;
        try {
            Participant participant = current == null ? null : current.getLeader();
            return participant == null || participant.getId().isEmpty()
                    ? Optional.empty() : Optional.of(new RemoteMember(participant.getId(), true));
        } catch (Exception e) {
            LOG.debug("No leader known for {}: {}", path, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        LeaderSelector current = selector;
        try {
            return current == null ? List.of() : current.getParticipants().stream()
                    .map(participant -> participant.getId().equals(localMember.getId()) ? localMember
                            : new RemoteMember(participant.getId(), participant.isLeader()))
                    .toList();
        } catch (Exception e) {
            LOG.debug("No members known for {}: {}", path, e.getMessage());
            return List.of();
        }
    }

    @Override
    protected void doStart() {
        LeaderSelector started = new LeaderSelector(client, path, new Listener());
        started.setId(getClusterService().getId());
        started.autoRequeue(); // back into the election after a suspended connection came back
        started.start();
        selector = started;
    }

    @Override
    protected void doStop() {
        LeaderSelector stopped = selector;
        selector = null;
        if (stopped != null) {
            stopped.close(); // interrupts takeLeadership: the lost leadership is announced there
        }
    }

    private final class Listener extends LeaderSelectorListenerAdapter {
        @Override
        public void takeLeadership(CuratorFramework curator) throws InterruptedException {
            leader = true;
            LOG.info("{} leads {}", getClusterService().getId(), path);
            fireLeadershipChangedEvent(localMember);
            try {
                new CountDownLatch(1).await(); // until Curator interrupts: connection suspended or lost, or stop
            } finally {
                leader = false;
                LOG.info("{} no longer leads {}", getClusterService().getId(), path);
                fireLeadershipChangedEvent((CamelClusterMember) null);
            }
        }
    }

    private final class LocalMember implements CamelClusterMember {
        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return getClusterService().getId();
        }
    }

    private static final class RemoteMember implements CamelClusterMember {
        private final String id;
        private final boolean leader;

        RemoteMember(String id, boolean leader) {
            this.id = id;
            this.leader = leader;
        }

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return false;
        }

        @Override
        public String getId() {
            return id;
        }
    }
}
