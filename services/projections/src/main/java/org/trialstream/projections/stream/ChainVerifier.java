package org.trialstream.projections.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.trialstream.kernel.audit.ChainVerification;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;

/**
 * Recomputes the fact chains of topics from the beginning of the Kafka log to its current end, partition by
 * partition in offset order (one chain lives in one partition: its facts share the patient's key). Reads committed
 * records only; consumes no group offsets.
 */
public class ChainVerifier {

    /** Every topic the trial's contexts publish to: what is verified unless topics are named. */
    public static final List<String> TRIAL_TOPICS = Arrays.stream(BoundedContext.values())
            .map(BoundedContext::topic).toList();

    /** Polls in a row that bring nothing before a partition that should have more is given up on. */
    private static final int MAX_IDLE_POLLS = 20;

    private final String bootstrapServers;
    private final ObjectMapper json;

    public ChainVerifier(String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** @param patientId only this patient's facts (the record key); null for every fact */
    public ChainVerification.Report verify(Collection<String> topics, String patientId) {
        ChainVerification verification = new ChainVerification();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties())) {
            for (String topic : topics) {
                List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                for (PartitionInfo partition : partitions == null ? List.<PartitionInfo>of() : partitions) {
                    verifyPartition(consumer, new TopicPartition(topic, partition.partition()), patientId,
                            verification);
                }
            }
        }
        return verification.report();
    }

    private void verifyPartition(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, String patientId,
                                 ChainVerification verification) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        int idlePolls = 0;
        while (consumer.position(partition) < end && idlePolls < MAX_IDLE_POLLS) {
            var records = consumer.poll(Duration.ofMillis(500));
            idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                if (patientId == null || patientId.equals(record.key())) {
                    verification.check(fact(record));
                }
            }
        }
        if (consumer.position(partition) < end) {
            throw new IllegalStateException("could not read " + partition + " to its end offset " + end);
        }
    }

    private ChainVerification.Fact fact(ConsumerRecord<String, byte[]> record) {
        ContractRecordHeaders headers = ContractRecordHeaders.read(record.headers(), Header::key, Header::value);
        Object payload;
        try {
            payload = json.readValue(record.value(), Object.class);
        } catch (Exception unreadable) {
            payload = Map.of("unreadable", new String(record.value(), StandardCharsets.UTF_8));
        }
        return new ChainVerification.Fact(record.topic(), record.partition(), record.offset(), headers.eventId(),
                headers.eventType(), headers.eventVersion(), payload, headers.metadata());
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "chain-verifier-" + UUID.randomUUID());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return properties;
    }
}
