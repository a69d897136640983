package org.trialstream.alerts.alert;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Publishes facts on {@code trial.safety.events} as the safety service does: keyed by patient, with the contract
 * headers, the payload as JSON. A send waits for the broker, through a broker restart if need be.
 */
final class SafetyTopic implements AutoCloseable {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final KafkaProducer<String, byte[]> producer;

    SafetyTopic(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Publishes the fact under a new event id, and returns it. */
    String publish(TrialEvent fact) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, fact);
        return eventId;
    }

    /** Publishes the fact under the given event id (the same id twice is a redelivery). */
    void publish(String eventId, TrialEvent fact) {
        EventContract contract = fact.getClass().getAnnotation(EventContract.class);
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(BoundedContext.SAFETY.topic(),
                    fact.recordKey(), JSON.writeValueAsBytes(fact));
            new ContractRecordHeaders(contract.name(), contract.version(), eventId, Instant.now(), 1L,
                    Map.of("actorSubject", "nurse-1"))
                    .toHeaders().forEach((name, value) -> record.headers().add(name, value));
            producer.send(record).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + contract.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
