package io.camelparadigm.cluster;

import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorHelper;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.util.IOHelper;
import org.apache.curator.framework.CuratorFramework;

/**
 * Leadership on ZooKeeper for {@code master:} that steps down as soon as the leader's ZooKeeper connection is
 * suspended, so two instances never poll at once.
 *
 * <p>Camel 4.18.0 to 4.18.4's {@code ZooKeeperClusterService} does not: when the leader loses its connection it
 * keeps its route running while another instance is elected (CAMEL-24457, fixed in 4.18.5 and 4.22.1; reproduced
 * by this module's tests). This service is configured like it (nodes, base path, session and connection timeouts)
 * and uses the same Curator recipe ({@code LeaderSelector}), with the fix: the view tracks leadership itself, tells
 * {@code master:} that leadership is lost without asking ZooKeeper (which cannot answer then), and re-enters the
 * election once connected again.
 */
public class LeaderSelectorClusterService extends AbstractCamelClusterService<LeaderSelectorClusterView> {

    private final ZooKeeperCuratorConfiguration configuration = new ZooKeeperCuratorConfiguration();
    private CuratorFramework curator;
    private boolean ownCurator;

    /** ZooKeeper servers, comma-separated {@code host:port} (required). */
    public void setNodes(String nodes) {
        configuration.setNodes(nodes);
    }

    /** The ZooKeeper path under which each {@code master:} namespace holds its election (required). */
    public void setBasePath(String basePath) {
        configuration.setBasePath(basePath);
    }

    public String getBasePath() {
        return configuration.getBasePath();
    }

    /**
     * ZooKeeper session timeout in milliseconds (Camel's default: 60000). A killed leader is replaced about this long
     * after it died; a leader cut from ZooKeeper steps down after about two thirds of it.
     */
    public void setSessionTimeout(long sessionTimeoutMillis) {
        configuration.setSessionTimeout(sessionTimeoutMillis);
    }

    /** Connection timeout in milliseconds (Camel's default: 15000). */
    public void setConnectionTimeout(long connectionTimeoutMillis) {
        configuration.setConnectionTimeout(connectionTimeoutMillis);
    }

    /** A Curator client of your own (started, closed by you) instead of one built from the options above. */
    public void setCuratorFramework(CuratorFramework curatorFramework) {
        configuration.setCuratorFramework(curatorFramework);
    }

    @Override
    protected LeaderSelectorClusterView createView(String namespace) {
        if (configuration.getBasePath() == null) {
            throw new IllegalArgumentException("LeaderSelectorClusterService: basePath is required");
        }
        return new LeaderSelectorClusterView(this, curator(), configuration.getBasePath(), namespace);
    }

    @Override
    protected void doStart() throws Exception {
        curator();
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownCurator) {
            IOHelper.close(curator);
            curator = null;
        }
    }

    private synchronized CuratorFramework curator() {
        if (curator == null) {
            ownCurator = configuration.getCuratorFramework() == null;
            curator = ZooKeeperCuratorHelper.createCurator(configuration);
            if (ownCurator) {
                curator.start();
            }
        }
        return curator;
    }
}
