package org.trialstream.projections.stream;

import java.time.Instant;
import java.util.Map;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A published fact as read from the log: where it lies (topic, partition, offset), the event in the newest version
 * this service reads, its unique id (for de-duplication), when it was recorded, the version of the record it produced
 * in its own context (null when it belongs to none), and its audit metadata (who, when, why, correlation), keyed as in
 * {@code AuditMetadata}.
 */
public record ContractEvent(String topic, int partition, long offset, String eventId, Instant recordedAt,
                            Long recordVersion, TrialEvent payload, Map<String, String> metadata) {

    public ContractEvent {
        metadata = Map.copyOf(metadata);
    }

    public String type() {
        return payload.getClass().getAnnotation(EventContract.class).name();
    }

    /** The context that published the fact: the part of its contract name before the dot. */
    public String context() {
        return type().substring(0, type().indexOf('.'));
    }
}
