package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * No fractions were given from {@code from} to {@code to} (inclusive), for the reason given.
 *
 * @param workingDays the Monday-to-Friday days in the interruption: the fractions it cost
 */
@EventContract(name = "radiotherapy.RadiotherapyInterrupted", version = 1)
public record RadiotherapyInterrupted(UUID patientId, LocalDate from, LocalDate to, String reason, int workingDays)
        implements TrialEvent {

    public RadiotherapyInterrupted {
        requireNonNull(patientId, "patientId");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an interruption ends on or after its first day");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an interruption needs a reason");
        }
    }
}
