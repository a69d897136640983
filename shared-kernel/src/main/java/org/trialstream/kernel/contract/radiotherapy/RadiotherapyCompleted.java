package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The prescribed dose was delivered: the course is complete.
 *
 * @param overallTreatmentDays days from the first fraction to the last, both counted
 */
@EventContract(name = "radiotherapy.RadiotherapyCompleted", version = 1)
public record RadiotherapyCompleted(UUID patientId, LocalDate completedOn, LocalDate firstFractionOn, int fractions,
                                    int doseCGy, int overallTreatmentDays) implements TrialEvent {

    public RadiotherapyCompleted {
        requireNonNull(patientId, "patientId");
        requireNonNull(completedOn, "completedOn");
        requireNonNull(firstFractionOn, "firstFractionOn");
    }
}
