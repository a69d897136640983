package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** A report's last on-time date passed without it: safety officers are alerted. The clock stays open. */
@EventContract(name = "safety.ExpeditedReportOverdue", version = 1)
public record ExpeditedReportOverdue(UUID patientId, UUID adverseEventId, String siteId, String screeningNumber,
                                     String term, ExpeditedReportKind kind, LocalDate dueOn) implements TrialEvent {

    public ExpeditedReportOverdue {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(siteId, "siteId");
        requireNonNull(screeningNumber, "screeningNumber");
        requireNonNull(term, "term");
        requireNonNull(kind, "kind");
        requireNonNull(dueOn, "dueOn");
    }
}
