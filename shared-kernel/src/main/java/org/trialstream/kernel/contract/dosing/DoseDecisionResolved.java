package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A required dose decision was made. Its effect is a fact of its own beside it: {@link DoseReduced},
 * {@link DosingInterrupted} or {@link AnlotinibDiscontinued}; a decision to continue has none.
 */
@EventContract(name = "dosing.DoseDecisionResolved", version = 1)
public record DoseDecisionResolved(UUID patientId, UUID decisionId, UUID adverseEventId, DoseDecision decision,
                                   String reason, LocalDate on) implements TrialEvent {

    public DoseDecisionResolved {
        requireNonNull(patientId, "patientId");
        requireNonNull(decisionId, "decisionId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(decision, "decision");
        requireNonNull(on, "on");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
    }
}
