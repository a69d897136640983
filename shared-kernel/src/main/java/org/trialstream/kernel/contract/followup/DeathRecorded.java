package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The patient died: the OS event, and the competing event of local recurrence. Nothing clinical is dated after it. */
@EventContract(name = "follow-up.DeathRecorded", version = 1)
public record DeathRecorded(UUID patientId, LocalDate diedOn, String cause) implements TrialEvent {

    public DeathRecorded {
        requireNonNull(patientId, "patientId");
        requireNonNull(diedOn, "diedOn");
        if (cause == null || cause.isBlank()) {
            throw new IllegalArgumentException("a death needs a cause");
        }
    }
}
