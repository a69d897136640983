package org.trialstream.projections.stream;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Reads a Kafka record as a published fact, choosing the type from its contract headers, never a class name. An
 * older version is upcast to the newest version this service knows; a newer one stops the stream.
 */
public class ContractRecordReader {

    private final ObjectMapper json;
    private final Map<String, Class<? extends TrialEvent>> newest = new HashMap<>();
    private final Map<String, Upcaster> upcasters = new HashMap<>();

    public ContractRecordReader(ObjectMapper json, Collection<Upcaster> upcasters) {
        this(json, EventContracts.all(), upcasters);
    }

    /** A reader of the given catalogue: for each contract name the newest version listed is the one it reads. */
    public ContractRecordReader(ObjectMapper json, List<Class<? extends TrialEvent>> catalogue,
                                Collection<Upcaster> upcasters) {
        this.json = json;
        for (Class<? extends TrialEvent> type : catalogue) {
            EventContract contract = type.getAnnotation(EventContract.class);
            newest.merge(contract.name(), type, (a, b) -> version(a) >= version(b) ? a : b);
        }
        for (Upcaster upcaster : upcasters) {
            if (this.upcasters.put(upcaster.contract() + "@" + upcaster.fromVersion(), upcaster) != null) {
                throw new IllegalStateException("two upcasters from " + upcaster.contract() + " v"
                        + upcaster.fromVersion());
            }
        }
        newest.forEach((name, type) -> {
            for (int v = 1; v < version(type); v++) {
                if (!this.upcasters.containsKey(name + "@" + v)) {
                    throw new IllegalStateException("no upcaster from " + name + " v" + v + " to v" + (v + 1));
                }
            }
        });
    }

    /**
     * The fact, or empty for a kind of fact this service does not know at all (a rebuild after an upgrade picks it
     * up). A known fact in a version newer than this service reads stops the stream instead: skipping it would lose
     * data the read models need.
     */
    public Optional<ContractEvent> read(ConsumerRecord<String, byte[]> record) {
        ContractRecordHeaders headers;
        try {
            headers = ContractRecordHeaders.read(record.headers(), Header::key, Header::value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where(record) + ": " + e.getMessage(), e);
        }
        Class<? extends TrialEvent> type = newest.get(headers.eventType());
        if (type == null) {
            return Optional.empty();
        }
        int target = version(type);
        if (headers.eventVersion() > target || headers.eventVersion() < 1) {
            throw new IllegalStateException(headers.eventType() + " v" + headers.eventVersion() + " at "
                    + where(record) + " is not a version this service reads (it reads up to v" + target
                    + "): upgrade it");
        }
        try {
            JsonNode payload = json.readTree(record.value());
            for (int v = headers.eventVersion(); v < target; v++) {
                payload = upcasters.get(headers.eventType() + "@" + v).upcast((ObjectNode) payload);
            }
            return Optional.of(new ContractEvent(record.topic(), record.partition(), record.offset(),
                    headers.eventId(), headers.timestamp(), headers.recordVersion(),
                    json.treeToValue(payload, type), headers.metadata()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable " + headers.eventType() + " v" + headers.eventVersion()
                    + " at " + where(record) + ": " + e.getMessage(), e);
        }
    }

    private static int version(Class<?> type) {
        return type.getAnnotation(EventContract.class).version();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
