package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.patient.ResectionMargin;

/**
 * The radiation oncologist keeps a prescription that no longer fits the corrected margin's bounds, for the reason
 * given: the decision that resolves a {@link RadiotherapyFinding#PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS} finding.
 */
@EventContract(name = "radiotherapy.PrescriptionConfirmed", version = 1)
public record PrescriptionConfirmed(UUID patientId, LocalDate on, ResectionMargin margin, String reason)
        implements TrialEvent {

    public PrescriptionConfirmed {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
        requireNonNull(margin, "margin");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("keeping the prescription needs a reason");
        }
    }
}
