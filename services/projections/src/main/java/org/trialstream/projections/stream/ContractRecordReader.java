package org.trialstream.projections.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.trialstream.kernel.contract.ContractHeaders;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;

/** Reads a Kafka record as a published fact, choosing the type from its contract headers, never a class name. */
public class ContractRecordReader {

    private final ObjectMapper json;

    public ContractRecordReader(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The fact, or empty for a kind of fact this service does not know at all (a rebuild after an upgrade picks it
     * up). A known fact in a version this service cannot read stops the stream instead: skipping it would lose data
     * the read models need.
     */
    public Optional<ContractEvent> read(ConsumerRecord<String, byte[]> record) {
        String type = header(record, ContractHeaders.EVENT_TYPE);
        int version = Integer.parseInt(header(record, ContractHeaders.EVENT_VERSION));
        Optional<Class<? extends TrialEvent>> javaType = EventContracts.typeOf(type, version);
        if (javaType.isEmpty()) {
            if (EventContracts.knowsName(type)) {
                throw new IllegalStateException(type + " v" + version + " at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + " is newer than this service reads: upgrade it");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new ContractEvent(header(record, ContractHeaders.EVENT_ID),
                    Instant.parse(header(record, ContractHeaders.EVENT_TIMESTAMP)), recordVersion(record),
                    json.readValue(record.value(), javaType.get()), metadata(record)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + type + " v" + version + " at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset(), e);
        }
    }

    private static Long recordVersion(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ContractHeaders.RECORD_VERSION);
        return header == null ? null : Long.valueOf(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> metadata(ConsumerRecord<String, byte[]> record) {
        Map<String, String> metadata = new TreeMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith(ContractHeaders.METADATA_PREFIX)) {
                metadata.put(header.key().substring(ContractHeaders.METADATA_PREFIX.length()),
                        new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return metadata;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
