package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Anlotinib is held from {@code from} until it resumes. The cycle clock does not stop: days held are missed days.
 *
 * @param adverseEventId the adverse event behind a hold decided on it; otherwise null
 */
@EventContract(name = "dosing.DosingInterrupted", version = 1)
public record DosingInterrupted(UUID patientId, LocalDate from, String reason, UUID adverseEventId)
        implements TrialEvent {

    public DosingInterrupted {
        requireNonNull(patientId, "patientId");
        requireNonNull(from, "from");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a hold needs a reason");
        }
    }
}
