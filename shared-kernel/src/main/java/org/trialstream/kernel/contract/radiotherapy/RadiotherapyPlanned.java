package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.patient.ResectionMargin;

/**
 * The patient's postoperative radiotherapy is to be prescribed: the resection margin sets the boost the protocol
 * allows. A corrected surgery date or margin gives a new fact of this type, which replaces the one before it.
 */
@EventContract(name = "radiotherapy.RadiotherapyPlanned", version = 1)
public record RadiotherapyPlanned(UUID patientId, String siteId, String screeningNumber, LocalDate surgeryDate,
                                  ResectionMargin margin) implements TrialEvent {

    public RadiotherapyPlanned {
        requireNonNull(patientId, "patientId");
        requireNonNull(siteId, "siteId");
        requireNonNull(surgeryDate, "surgeryDate");
        requireNonNull(margin, "margin");
    }
}
