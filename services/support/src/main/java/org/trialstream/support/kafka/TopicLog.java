package org.trialstream.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the beginning of the log to their end as of the read, partition after partition in offset order,
 * committed records only, without a consumer group: what an auditor's check of the log needs, and nothing it leaves
 * behind.
 */
public final class TopicLog {

    /** Polls in a row that bring nothing before a partition that should have more is given up on. */
    private static final int MAX_IDLE_POLLS = 20;

    private TopicLog() {
    }

    /** Hands every record of the topics to {@code each}; a topic that does not exist has none. */
    public static void read(String bootstrapServers, Collection<String> topics,
                            Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties(bootstrapServers))) {
            for (String topic : topics) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
                    readPartition(consumer, new TopicPartition(topic, partition.partition()), each);
                }
            }
        }
    }

    private static void readPartition(KafkaConsumer<String, byte[]> consumer, TopicPartition partition,
                                      Consumer<ConsumerRecord<String, byte[]>> each) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        int idlePolls = 0;
        while (consumer.position(partition) < end && idlePolls < MAX_IDLE_POLLS) {
            var records = consumer.poll(Duration.ofMillis(500));
            idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.offset() < end) {
                    each.accept(record);
                }
            }
        }
        if (consumer.position(partition) < end) {
            throw new IllegalStateException("could not read " + partition + " to its end offset " + end);
        }
    }

    private static Properties properties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-log-" + UUID.randomUUID());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return properties;
    }
}
