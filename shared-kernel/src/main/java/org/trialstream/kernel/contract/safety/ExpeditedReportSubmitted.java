package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A report of a serious adverse event went to its recipient. It stops the clock of its kind.
 *
 * @param dueOn  the last on-time date of the report of this kind, or null when none was due
 * @param onTime submitted no later than {@code dueOn} (true when none was due)
 */
@EventContract(name = "safety.ExpeditedReportSubmitted", version = 1)
public record ExpeditedReportSubmitted(UUID patientId, UUID adverseEventId, ExpeditedReportKind kind,
                                       LocalDate submittedOn, String recipient, LocalDate dueOn, boolean onTime)
        implements TrialEvent {

    public ExpeditedReportSubmitted {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(kind, "kind");
        requireNonNull(submittedOn, "submittedOn");
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a report has a recipient");
        }
    }
}
