package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The patient's first study treatment became known (or moved), and with it whether an adverse event is
 * treatment-emergent: onset on or after the first anlotinib dose or the first radiotherapy fraction.
 */
@EventContract(name = "safety.TreatmentEmergenceRejudged", version = 1)
public record TreatmentEmergenceRejudged(UUID patientId, UUID adverseEventId, boolean treatmentEmergent,
                                         LocalDate firstTreatmentOn) implements TrialEvent {

    public TreatmentEmergenceRejudged {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(firstTreatmentOn, "firstTreatmentOn");
    }
}
