package org.trialstream.enrolment.integration.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.trialstream.kernel.contract.ContractHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Writes a published fact as a Kafka record: keyed by patient id (per-patient order), the contract's JSON as value,
 * and headers that name the contract, its version, the event id (for consumer de-duplication) and its timestamp.
 * Axon metadata travels as further headers under its own keys.
 */
public class ContractMessageConverter implements KafkaMessageConverter<String, byte[]> {

    private final ObjectMapper json;

    public ContractMessageConverter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> event, String topic) {
        TrialEvent fact = (TrialEvent) event.getPayload();
        EventContract contract = EventContracts.contractOf(fact.getClass())
                .orElseThrow(() -> new IllegalArgumentException(fact.getClass() + " is not a published contract"));
        RecordHeaders headers = new RecordHeaders();
        headers.add(ContractHeaders.EVENT_TYPE, utf8(contract.name()));
        headers.add(ContractHeaders.EVENT_VERSION, utf8(String.valueOf(contract.version())));
        headers.add(ContractHeaders.EVENT_ID, utf8(event.getIdentifier()));
        headers.add(ContractHeaders.EVENT_TIMESTAMP, utf8(event.getTimestamp().toString()));
        if (event instanceof DomainEventMessage<?> recordEvent) {
            headers.add(ContractHeaders.RECORD_VERSION, utf8(String.valueOf(recordEvent.getSequenceNumber())));
        }
        event.getMetaData().forEach((key, value) -> {
            if (value != null) {
                headers.add(ContractHeaders.METADATA_PREFIX + key, utf8(value.toString()));
            }
        });
        return new ProducerRecord<>(topic, null, fact.patientId().toString(), toJson(fact), headers);
    }

    /** This service only publishes; it never reads its own topic back as Axon events. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        return Optional.empty();
    }

    private byte[] toJson(TrialEvent fact) {
        try {
            return json.writeValueAsBytes(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + fact.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
