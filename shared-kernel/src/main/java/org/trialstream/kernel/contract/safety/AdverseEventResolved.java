package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The adverse event ended, on a clinical date, with an outcome. */
@EventContract(name = "safety.AdverseEventResolved", version = 1)
public record AdverseEventResolved(UUID patientId, UUID adverseEventId, LocalDate resolvedOn,
                                   AdverseEventOutcome outcome) implements TrialEvent {

    public AdverseEventResolved {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(resolvedOn, "resolvedOn");
        requireNonNull(outcome, "outcome");
    }
}
