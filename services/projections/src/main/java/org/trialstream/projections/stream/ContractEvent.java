package org.trialstream.projections.stream;

import java.time.Instant;
import java.util.Map;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A published fact as read from the log: the event, its unique id (for de-duplication), when it was recorded, the
 * version of the patient record it produced (null when it belongs to none), and its audit metadata (who, when, why,
 * correlation), keyed as in {@code AuditMetadata}.
 */
public record ContractEvent(String eventId, Instant recordedAt, Long recordVersion, TrialEvent payload,
                            Map<String, String> metadata) {

    public ContractEvent {
        metadata = Map.copyOf(metadata);
    }

    public String type() {
        return payload.getClass().getAnnotation(EventContract.class).name();
    }
}
