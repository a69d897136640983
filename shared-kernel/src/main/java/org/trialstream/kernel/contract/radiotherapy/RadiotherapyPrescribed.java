package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.patient.ResectionMargin;

/**
 * The radiation oncologist prescribed the course, within the protocol's bounds for the margin. Doses are in centigray
 * so that they add up exactly. A later prescription replaces this one and carries the reason for the change.
 *
 * @param reason why the prescription changed; null for the first one
 */
@EventContract(name = "radiotherapy.RadiotherapyPrescribed", version = 1)
public record RadiotherapyPrescribed(UUID patientId, LocalDate prescribedOn, ResectionMargin margin,
                                     int baseDoseCGy, int baseFractions, int boostDoseCGy, int boostFractions,
                                     String reason) implements TrialEvent {

    public RadiotherapyPrescribed {
        requireNonNull(patientId, "patientId");
        requireNonNull(prescribedOn, "prescribedOn");
        requireNonNull(margin, "margin");
        if (baseDoseCGy < 1 || baseFractions < 1 || boostDoseCGy < 0 || boostFractions < 0) {
            throw new IllegalArgumentException("a prescription has a base course and no negative boost");
        }
    }
}
