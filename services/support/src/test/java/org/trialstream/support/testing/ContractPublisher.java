package org.trialstream.support.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Publishes contract events exactly as a command service does (the kernel's header codec, the record key, JSON),
 * so that a test can feed a consumer the facts of a context that is not running, or does not exist yet.
 */
public final class ContractPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final Instant RECORDED_AT = Instant.parse("2026-03-04T09:00:00Z");

    private final KafkaProducer<String, byte[]> producer;

    public ContractPublisher(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Publishes a fact with a fresh event id, recorded by an investigator of site RJH; returns the event id. */
    public String publish(TrialEvent fact) {
        return publish(fact, RECORDED_AT);
    }

    /** Publishes a fact recorded at a given instant (for "as recorded at" questions); returns its event id. */
    public String publish(TrialEvent fact, Instant recordedAt) {
        String eventId = UUID.randomUUID().toString();
        await(send(eventId, fact, null, recordedAt), fact);
        return eventId;
    }

    /** Publishes a fact under a given event id (the same id twice is a republication) and waits for the ack. */
    public void publish(String eventId, TrialEvent fact) {
        await(send(eventId, fact, null), fact);
    }

    private static void await(Future<?> acknowledged, TrialEvent fact) {
        try {
            acknowledged.get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + fact, e);
        }
    }

    /** Sends without waiting, for load; {@link #flush()} waits for all. */
    public void send(String eventId, TrialEvent fact) {
        send(eventId, fact, null);
    }

    /** Sends raw JSON under a given contract name and version, for versions that no Java type describes any more. */
    public void sendRaw(String topic, String key, String eventType, int version, String eventId, byte[] json) {
        ContractRecordHeaders headers = new ContractRecordHeaders(eventType, version, eventId,
                RECORDED_AT, null, metadata(RECORDED_AT));
        producer.send(record(topic, key, headers, json));
    }

    public void flush() {
        producer.flush();
    }

    private Future<?> send(String eventId, TrialEvent fact, Long recordVersion) {
        return send(eventId, fact, recordVersion, RECORDED_AT);
    }

    private Future<?> send(String eventId, TrialEvent fact, Long recordVersion,
                                                Instant recordedAt) {
        EventContract contract = EventContracts.contractOf(fact.getClass())
                .orElseThrow(() -> new IllegalArgumentException(fact.getClass() + " is not a published contract"));
        ContractRecordHeaders headers = new ContractRecordHeaders(contract.name(), contract.version(), eventId,
                recordedAt, recordVersion, metadata(recordedAt));
        try {
            return producer.send(record(EventContracts.contextOf(contract).topic(), fact.recordKey(), headers,
                    JSON.writeValueAsBytes(fact)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, ContractRecordHeaders headers,
                                                         byte[] value) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.toHeaders().forEach(kafkaHeaders::add);
        return new ProducerRecord<>(topic, null, key, value, kafkaHeaders);
    }

    private static Map<String, String> metadata(Instant recordedAt) {
        return Map.of(AuditMetadata.ACTOR_SUBJECT, "investigator-1", AuditMetadata.ACTOR_ROLE, "INVESTIGATOR",
                AuditMetadata.ACTOR_SITE, "RJH", AuditMetadata.RECORDED_AT, recordedAt.toString());
    }

    @Override
    public void close() {
        producer.close();
    }
}
