package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The course ended before the prescribed dose was delivered, with what was delivered by then. */
@EventContract(name = "radiotherapy.RadiotherapyStoppedEarly", version = 1)
public record RadiotherapyStoppedEarly(UUID patientId, LocalDate on, String reason, int fractions, int doseCGy)
        implements TrialEvent {

    public RadiotherapyStoppedEarly {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an early stop needs a reason");
        }
    }
}
