package org.trialstream.platform.publishing;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A published fact as a Kafka record and back: keyed by patient id (per-patient order), the contract's JSON as
 * value, and the contract headers ({@link ContractRecordHeaders}). Read back, a record becomes an event message whose
 * identifier is the producer's event id, so that a redelivery is recognised.
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
        Map<String, String> metadata = new HashMap<>();
        event.getMetaData().forEach((key, value) -> {
            if (value != null) {
                metadata.put(key, value.toString());
            }
        });
        Long recordVersion = event instanceof DomainEventMessage<?> recordEvent
                ? recordEvent.getSequenceNumber() : null;
        RecordHeaders headers = new RecordHeaders();
        new ContractRecordHeaders(contract.name(), contract.version(), event.getIdentifier(), event.getTimestamp(),
                recordVersion, metadata).toHeaders().forEach(headers::add);
        return new ProducerRecord<>(topic, null, fact.recordKey(), toJson(fact), headers);
    }

    /**
     * Empty for a kind of fact this service does not know at all (it cannot react to it). A known fact in a version
     * this service cannot read stops the stream instead: skipping it would lose a reaction.
     */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        ContractRecordHeaders headers;
        try {
            headers = ContractRecordHeaders.read(record.headers(), Header::key, Header::value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where(record) + ": " + e.getMessage(), e);
        }
        Optional<Class<? extends TrialEvent>> type = EventContracts.typeOf(headers.eventType(),
                headers.eventVersion());
        if (type.isEmpty()) {
            if (EventContracts.knowsName(headers.eventType())) {
                throw new IllegalStateException(headers.eventType() + " v" + headers.eventVersion() + " at "
                        + where(record) + " is newer than this service reads: upgrade it");
            }
            return Optional.empty();
        }
        try {
            TrialEvent fact = json.readValue(record.value(), type.get());
            return Optional.of(new GenericEventMessage<>(headers.eventId(), fact, MetaData.from(headers.metadata()),
                    headers.timestamp()));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + headers.eventType() + " v" + headers.eventVersion()
                    + " at " + where(record), e);
        }
    }

    private byte[] toJson(TrialEvent fact) {
        try {
            return json.writeValueAsBytes(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + fact.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
