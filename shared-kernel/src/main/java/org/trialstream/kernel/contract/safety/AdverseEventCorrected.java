package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * What was recorded about an adverse event was wrong: the description as it should have read, with the reason. It
 * replaces the reported description; the report itself stays on record.
 */
@EventContract(name = "safety.AdverseEventCorrected", version = 1)
public record AdverseEventCorrected(UUID patientId, UUID adverseEventId, AdverseEventDescription description,
                                    boolean treatmentEmergent, String reason) implements TrialEvent {

    public AdverseEventCorrected {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(description, "description");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
