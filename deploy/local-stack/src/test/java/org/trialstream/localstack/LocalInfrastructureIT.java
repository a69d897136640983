package org.trialstream.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.trialstream.localstack.infra.Infrastructure;
import org.trialstream.localstack.infra.WithInfrastructure;

@WithInfrastructure
class LocalInfrastructureIT {

    private final Infrastructure infrastructure;

    LocalInfrastructureIT(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Test
    void brokerKeepsAcknowledgedRecordsAcrossARestart() throws Exception {
        String topic = "trial.check-" + UUID.randomUUID() + ".events";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "patient-1", "fact")).get();
        }

        infrastructure.stopKafka();
        infrastructure.startKafka();

        assertThat(readAll(topic)).containsExactly("fact");
    }

    @Test
    void mongoCompatibleServerStoresAndFindsDocuments() {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            var collection = client.getDatabase("check").getCollection("patients");
            collection.insertOne(new Document("_id", "p1").append("status", "ENROLLED"));
            assertThat(collection.find(new Document("_id", "p1")).first()).containsEntry("status", "ENROLLED");
        }
    }

    @Test
    void freshDatabaseIsEmptyAndWritable() throws Exception {
        Infrastructure.Database database = infrastructure.freshDatabase("local_stack_check");
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password())) {
            connection.createStatement().execute("CREATE TABLE fact (id int primary key)");
            connection.createStatement().execute("INSERT INTO fact VALUES (1)");
            ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM fact");
            count.next();
            assertThat(count.getInt(1)).isEqualTo(1);
        }
    }

    private List<String> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
