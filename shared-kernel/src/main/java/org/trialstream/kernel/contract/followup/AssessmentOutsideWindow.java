package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A protocol deviation for the monitor: an assessment was recorded for a visit outside that visit's window. The
 * assessment itself stands.
 *
 * @param assessmentEventId the assessment's event id
 */
@EventContract(name = "follow-up.AssessmentOutsideWindow", version = 1)
public record AssessmentOutsideWindow(UUID patientId, String assessmentEventId, int visit, LocalDate assessedOn,
                                      LocalDate windowFrom, LocalDate windowTo) implements TrialEvent {

    public AssessmentOutsideWindow {
        requireNonNull(patientId, "patientId");
        requireNonNull(assessmentEventId, "assessmentEventId");
        requireNonNull(assessedOn, "assessedOn");
        requireNonNull(windowFrom, "windowFrom");
        requireNonNull(windowTo, "windowTo");
    }
}
