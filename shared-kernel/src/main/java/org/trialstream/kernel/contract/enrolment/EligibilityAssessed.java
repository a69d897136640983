package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The investigator answered the whole eligibility checklist. The patient is eligible when every inclusion criterion
 * is met and no exclusion criterion is. A later assessment supersedes an earlier one.
 *
 * @param patientId  the patient
 * @param answers    every checklist item with its answer, in checklist order
 * @param eligible   the outcome
 * @param assessedOn the date of the assessment
 */
@EventContract(name = "enrolment.EligibilityAssessed", version = 1)
public record EligibilityAssessed(UUID patientId, List<EligibilityAnswer> answers, boolean eligible,
                                  LocalDate assessedOn) implements TrialEvent {

    public EligibilityAssessed {
        requireNonNull(patientId, "patientId");
        answers = List.copyOf(requireNonNull(answers, "answers"));
        requireNonNull(assessedOn, "assessedOn");
    }
}
