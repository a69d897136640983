package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The site can no longer reach the patient; the last date known alive censors OS. */
@EventContract(name = "follow-up.LostToFollowUp", version = 1)
public record LostToFollowUp(UUID patientId, LocalDate lastKnownAliveOn, String reason) implements TrialEvent {

    public LostToFollowUp {
        requireNonNull(patientId, "patientId");
        requireNonNull(lastKnownAliveOn, "lastKnownAliveOn");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("lost to follow-up needs a reason");
        }
    }
}
