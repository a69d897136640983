package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * No more visits are scheduled for the patient: a reaction to the withdrawal of consent (the withdrawal's event id is
 * its causation). Facts recorded before it stand.
 */
@EventContract(name = "follow-up.FollowUpStopped", version = 1)
public record FollowUpStopped(UUID patientId, LocalDate on, String reason) implements TrialEvent {

    public FollowUpStopped {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
        requireNonNull(reason, "reason");
    }
}
