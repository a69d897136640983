package org.trialstream.platform.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Makes sure topics exist with the settings the audit record needs: nothing ever expires or is compacted. A service
 * provisions the topic it publishes to, and the topics it reacts to: a consumer assigned before a topic exists would
 * never read it, so a service started before the context it listens to would miss all of that context's facts.
 * Partitions and replication come from configuration (production: replication 3, min ISR 2).
 * <p>
 * Locally it creates a missing topic, reports a wrong one loudly, and lets the service start without a broker: events
 * wait in the event store until publishing resumes. In production ({@code strict}) topics are provisioned by the
 * operators, and a missing topic, a topic whose records can expire or be compacted, or an unreachable broker stops
 * start-up.
 */
public class TopicProvisioner implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final List<String> topics;
    private final int partitions;
    private final short replicationFactor;
    private final int minInSyncReplicas;
    private final boolean strict;

    public TopicProvisioner(String bootstrapServers, List<String> topics, int partitions, short replicationFactor,
                            int minInSyncReplicas, boolean strict) {
        this.bootstrapServers = bootstrapServers;
        this.topics = List.copyOf(topics);
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
        this.strict = strict;
    }

    @Override
    public void afterPropertiesSet() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            for (String topic : topics) {
                provision(admin, topic);
            }
        }
    }

    private void provision(Admin admin, String topic) {
        try {
            if (strict) {
                List<String> problems = problemsOf(admin, topic);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("topic " + topic + " is not fit for the trial's audit record: "
                            + String.join("; ", problems));
                }
                return;
            }
            create(admin, topic);
        } catch (ExecutionException e) {
            fail("could not check topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            fail("could not reach Kafka at " + bootstrapServers + " to check topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void create(Admin admin, String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas)));
        try {
            admin.createTopics(List.of(newTopic)).all().get(15, TimeUnit.SECONDS);
            log.info("created topic {} ({} partitions, replication {})", topic, partitions, replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            problemsOf(admin, topic).forEach(problem -> log.error("topic {}: {}", topic, problem));
        }
    }

    private List<String> problemsOf(Admin admin, String topic) throws ExecutionException, InterruptedException,
            TimeoutException {
        List<String> problems = new ArrayList<>();
        if (!admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(topic)) {
            problems.add("it does not exist");
            return problems;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
        for (String key : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
            String value = config.get(key).value();
            if (!"-1".equals(value)) {
                problems.add(key + "=" + value + " lets records expire; it must be -1");
            }
        }
        if (config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            problems.add("it is compacted, so facts can disappear");
        }
        return problems;
    }

    private void fail(String message, Exception cause) {
        if (strict) {
            throw new IllegalStateException(message, cause);
        }
        log.warn("{}; publishing resumes when it is back", message);
    }
}
