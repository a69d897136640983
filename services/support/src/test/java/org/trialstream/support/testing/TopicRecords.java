package org.trialstream.support.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.trialstream.kernel.contract.ContractRecordHeaders;

/** Reads a topic from its beginning to its current end, and waits for facts to arrive there. */
public final class TopicRecords {

    private final String bootstrapServers;
    private final String topic;

    public TopicRecords(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Every record on the topic now, redeliveries included. */
    public List<ConsumerRecord<String, byte[]>> all() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** The facts about one patient, in topic order, each event id once. */
    public List<ConsumerRecord<String, byte[]>> factsAbout(String patientId) {
        Set<String> seen = new HashSet<>();
        return all().stream()
                .filter(record -> patientId.equals(record.key()) && seen.add(headers(record).eventId()))
                .toList();
    }

    /** Waits until the facts about a patient satisfy {@code done}, and returns them. */
    public List<ConsumerRecord<String, byte[]>> awaitFactsAbout(String patientId,
                                                               Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> factsAbout(patientId), done::test);
    }

    public static ContractRecordHeaders headers(ConsumerRecord<String, byte[]> record) {
        return ContractRecordHeaders.read(record.headers(), Header::key, Header::value);
    }
}
