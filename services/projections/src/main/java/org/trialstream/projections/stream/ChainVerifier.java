package org.trialstream.projections.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.trialstream.kernel.audit.ChainVerification;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.support.kafka.TopicLog;

/**
 * Recomputes the fact chains of topics from the beginning of the Kafka log to its current end, partition by
 * partition in offset order (one chain lives in one partition: its facts share the patient's key). Reads committed
 * records only; consumes no group offsets.
 */
public class ChainVerifier {

    /** Every topic the trial's contexts publish to: what is verified unless topics are named. */
    public static final List<String> TRIAL_TOPICS = Arrays.stream(BoundedContext.values())
            .map(BoundedContext::topic).toList();

    private final String bootstrapServers;
    private final ObjectMapper json;

    public ChainVerifier(String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** @param patientId only this patient's facts (the record key); null for every fact */
    public ChainVerification.Report verify(Collection<String> topics, String patientId) {
        ChainVerification verification = new ChainVerification();
        TopicLog.read(bootstrapServers, topics, record -> {
            if (patientId == null || patientId.equals(record.key())) {
                try {
                    verification.check(fact(record));
                } catch (IllegalArgumentException unreadable) {
                    verification.unreadable(record.topic(), record.partition(), record.offset(),
                            unreadable.getMessage());
                }
            }
        });
        return verification.report();
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
}
