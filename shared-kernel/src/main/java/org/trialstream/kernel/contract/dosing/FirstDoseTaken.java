package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The patient took the first anlotinib dose: day 1 of cycle 1, and for safety the start of study treatment when it
 * comes before the first radiotherapy fraction.
 */
@EventContract(name = "dosing.FirstDoseTaken", version = 1)
public record FirstDoseTaken(UUID patientId, LocalDate takenOn, int doseMg) implements TrialEvent {

    public FirstDoseTaken {
        requireNonNull(patientId, "patientId");
        requireNonNull(takenOn, "takenOn");
        if (doseMg < 1) {
            throw new IllegalArgumentException("a dose is at least 1 mg");
        }
    }
}
