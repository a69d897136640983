package org.trialstream.platform.production;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start a command service under the {@code production} profile on settings that are only fit for a
 * laptop: the H2 file store, or topics that one broker's loss could take away (replication below 3, or fewer than 2
 * in-sync replicas). The topic itself is checked by the provisioner, which in production only verifies.
 */
public class ProductionGuard implements InitializingBean {

    private final String jdbcUrl;
    private final int replicationFactor;
    private final int minInSyncReplicas;

    public ProductionGuard(String jdbcUrl, int replicationFactor, int minInSyncReplicas) {
        this.jdbcUrl = jdbcUrl;
        this.replicationFactor = replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("not fit for production: " + String.join("; ", problems));
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (jdbcUrl == null || jdbcUrl.startsWith("jdbc:h2:")) {
            problems.add("the event store is H2 (" + jdbcUrl + "); set TRIAL_JDBC_URL to PostgreSQL");
        }
        if (replicationFactor < 3) {
            problems.add("the topic replication factor is " + replicationFactor
                    + "; set TRIAL_KAFKA_REPLICATION_FACTOR to 3");
        }
        if (minInSyncReplicas < 2) {
            problems.add("min.insync.replicas is " + minInSyncReplicas + "; set TRIAL_KAFKA_MIN_INSYNC_REPLICAS to 2");
        }
        return problems;
    }
}
