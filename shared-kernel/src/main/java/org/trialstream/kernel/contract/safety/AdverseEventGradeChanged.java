package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The adverse event's grade changed on a clinical date. The worst grade it ever reached is what the toxicity tables
 * count.
 */
@EventContract(name = "safety.AdverseEventGradeChanged", version = 1)
public record AdverseEventGradeChanged(UUID patientId, UUID adverseEventId, int grade, int worstGrade, LocalDate on,
                                       String reason) implements TrialEvent {

    public AdverseEventGradeChanged {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        if (grade < 1 || grade > 5 || worstGrade < grade) {
            throw new IllegalArgumentException("grades run from 1 to 5 and the worst is at least the current");
        }
        requireNonNull(on, "on");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a change of grade needs a reason");
        }
    }
}
