package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The patient's follow-up schedule, counted from surgery (day 0): planned at enrolment, and planned again, whole, when
 * a correction moves the surgery date. The latest schedule replaces the earlier ones.
 *
 * @param patientId   the patient
 * @param siteId      the patient's site, for the research nurses' worklist
 * @param surgeryDate day 0
 * @param visits      every visit, in order
 */
@EventContract(name = "follow-up.VisitsScheduled", version = 1)
public record VisitsScheduled(UUID patientId, String siteId, LocalDate surgeryDate, List<PlannedVisit> visits)
        implements TrialEvent {

    public VisitsScheduled {
        requireNonNull(patientId, "patientId");
        requireNonNull(siteId, "siteId");
        requireNonNull(surgeryDate, "surgeryDate");
        visits = List.copyOf(visits);
    }
}
