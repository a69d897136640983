package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * One radiotherapy fraction was delivered. For safety, the first one starts study treatment when it comes before the
 * first anlotinib dose.
 *
 * @param doseCGy  the dose delivered, in centigray (200 cGy = 2 Gy), so that doses add up exactly
 * @param fraction the fraction's number in the course, from 1
 */
@EventContract(name = "radiotherapy.FractionDelivered", version = 1)
public record FractionDelivered(UUID patientId, LocalDate deliveredOn, RadiotherapyPhase phase, int doseCGy,
                                int fraction) implements TrialEvent {

    public FractionDelivered {
        requireNonNull(patientId, "patientId");
        requireNonNull(deliveredOn, "deliveredOn");
        requireNonNull(phase, "phase");
        if (doseCGy < 1 || fraction < 1) {
            throw new IllegalArgumentException("a fraction delivers a positive dose and counts from 1");
        }
    }
}
