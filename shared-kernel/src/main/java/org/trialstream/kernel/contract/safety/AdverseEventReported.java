package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A site reported an adverse event.
 *
 * @param screeningNumber   the patient's study number, the only patient identity safety facts carry
 * @param treatmentEmergent onset on or after the patient's first study treatment, as known when reported; a later
 *                          {@link TreatmentEmergenceRejudged} replaces it
 */
@EventContract(name = "safety.AdverseEventReported", version = 1)
public record AdverseEventReported(UUID patientId, UUID adverseEventId, String siteId, String screeningNumber,
                                   AdverseEventDescription description, boolean treatmentEmergent)
        implements TrialEvent {

    public AdverseEventReported {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(siteId, "siteId");
        requireNonNull(screeningNumber, "screeningNumber");
        requireNonNull(description, "description");
    }
}
