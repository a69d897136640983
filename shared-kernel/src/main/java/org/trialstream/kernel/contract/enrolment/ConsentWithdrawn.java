package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The patient withdrew consent. Study treatment and follow-up end; the patient keeps the enrolment place (analyses
 * are by intention to treat) and is censored at the last known assessment.
 *
 * @param patientId   the patient
 * @param withdrawnOn the date consent was withdrawn
 * @param reason      the reason as recorded by the investigator (the patient need not give one)
 */
@EventContract(name = "enrolment.ConsentWithdrawn", version = 1)
public record ConsentWithdrawn(UUID patientId, LocalDate withdrawnOn, String reason) implements TrialEvent {

    public ConsentWithdrawn {
        requireNonNull(patientId, "patientId");
        requireNonNull(withdrawnOn, "withdrawnOn");
        requireNonNull(reason, "reason");
    }
}
