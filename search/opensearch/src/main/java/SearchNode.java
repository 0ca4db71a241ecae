import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in one JVM for the site search's tests and local use: HTTP on 127.0.0.1
 * only, no security plugin, single-node discovery.
 *
 * <p>{@code java -cp "target/classes:target/lib/*" SearchNode PORT DATA_DIR} prints
 * {@code SEARCH_NODE_READY http://127.0.0.1:PORT} once every primary shard is active and stops
 * cleanly on SIGTERM. Yellow is ready: a single node holds no replicas, so an index made with
 * replicas (say by a setting meant for a cluster) stays yellow here and is served all the same.
 */
public final class SearchNode {

    /** Node's constructor taking plugin classes is protected (the distribution loads modules from disk). */
    private static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment, List<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        // Before any OpenSearch, Netty or log4j class loads.
        System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
        System.setProperty("log4j.shutdownHookEnabled", "false");
        System.setProperty("log4j2.disable.jmx", "true");

        if (args.length != 2) {
            System.err.println("usage: SearchNode PORT DATA_DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(home);

        Settings settings = Settings.builder()
            .put("cluster.name", "course-search")
            .put("node.name", "course-search-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), null, () -> "course-search-node");
        Node node = new ClasspathNode(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class));

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(15, TimeUnit.SECONDS);
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "search-node-shutdown"));

        try {
            node.start();
            ClusterHealthResponse health = node.client().admin().cluster().prepareHealth()
                .setWaitForYellowStatus().setTimeout(TimeValue.timeValueSeconds(60)).get();
            if (health.isTimedOut()) {
                throw new IllegalStateException("primaries not active after 60 s: " + health.getStatus());
            }
            String address = node.injector().getInstance(HttpServerTransport.class)
                .boundAddress().publishAddress().toString();
            System.out.println("SEARCH_NODE_READY http://" + address);
            System.out.flush();
        } catch (Exception error) {
            error.printStackTrace();
            System.exit(1);  // node threads are not daemons: a failed start would hang the JVM
        }
        closed.await();
    }
}
