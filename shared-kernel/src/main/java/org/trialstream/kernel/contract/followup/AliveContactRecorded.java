package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The patient was known to be alive on a date, for example from a phone call; OS is censored at such dates. */
@EventContract(name = "follow-up.AliveContactRecorded", version = 1)
public record AliveContactRecorded(UUID patientId, LocalDate on) implements TrialEvent {

    public AliveContactRecorded {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
    }
}
