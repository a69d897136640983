package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

/**
 * One answered item of the eligibility checklist.
 *
 * @param criterion the checklist item's stable code, for example {@code INC_HISTOLOGY_STS}
 * @param met       true when the statement of the item holds for the patient
 */
public record EligibilityAnswer(String criterion, boolean met) {

    public EligibilityAnswer {
        requireNonNull(criterion, "criterion");
    }
}
