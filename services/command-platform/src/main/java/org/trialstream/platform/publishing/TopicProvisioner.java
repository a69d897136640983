package org.trialstream.enrolment.integration.outbound;

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
 * Creates the service's topic before the publisher starts, with the settings the audit record needs: nothing ever
 * expires or is compacted. Partitions and replication come from configuration (production: replication 3, min ISR
 * 2). An existing topic that would let records expire is reported loudly. An unreachable broker does not stop the
 * service: events wait in the event store until publishing resumes.
 */
class TopicProvisioner implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final String bootstrapServers;
    private final String topic;
    private final int partitions;
    private final short replicationFactor;
    private final int minInSyncReplicas;

    TopicProvisioner(String bootstrapServers, String topic, int partitions, short replicationFactor,
                     int minInSyncReplicas) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.minInSyncReplicas = minInSyncReplicas;
    }

    @Override
    public void afterPropertiesSet() {
        NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(Map.of(
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInSyncReplicas)));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            try {
                admin.createTopics(List.of(newTopic)).all().get(15, TimeUnit.SECONDS);
                log.info("created topic {} ({} partitions, replication {})", topic, partitions, replicationFactor);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                checkRetention(admin);
            }
        } catch (ExecutionException e) {
            log.warn("could not create topic {}: {}", topic, e.getCause().getMessage());
        } catch (TimeoutException e) {
            log.warn("could not reach Kafka at {} to create topic {}; publishing resumes when it is back",
                    bootstrapServers, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkRetention(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
        for (String key : List.of(TopicConfig.RETENTION_MS_CONFIG, TopicConfig.RETENTION_BYTES_CONFIG)) {
            String value = config.get(key).value();
            if (!"-1".equals(value)) {
                log.error("topic {} has {}={}: records of the trial's audit record can expire; set it to -1",
                        topic, key, value);
            }
        }
        if (config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            log.error("topic {} is compacted: facts of the trial's audit record can disappear", topic);
        }
    }
}
