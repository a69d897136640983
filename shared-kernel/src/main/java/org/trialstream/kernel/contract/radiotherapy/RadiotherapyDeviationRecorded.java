package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** A departure from the radiotherapy plan (target volume, dose, technique), graded minor or major. */
@EventContract(name = "radiotherapy.RadiotherapyDeviationRecorded", version = 1)
public record RadiotherapyDeviationRecorded(UUID patientId, LocalDate on, DeviationSeverity severity,
                                            String description) implements TrialEvent {

    public RadiotherapyDeviationRecorded {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
        requireNonNull(severity, "severity");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a deviation needs a description");
        }
    }
}
