package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** Anlotinib resumes on {@code on} at the current dose after a hold. */
@EventContract(name = "dosing.DosingResumed", version = 1)
public record DosingResumed(UUID patientId, LocalDate on, int doseMg) implements TrialEvent {

    public DosingResumed {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
    }
}
