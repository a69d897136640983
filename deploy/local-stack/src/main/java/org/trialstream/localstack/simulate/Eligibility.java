package org.trialstream.localstack.simulate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The enrolment checklist as the site answers it for a patient who meets every criterion. */
public final class Eligibility {

    private static final List<String> INCLUSIONS = List.of("INC_HISTOLOGY_STS", "INC_RESECTION_DONE",
            "INC_AGE_18_OR_OVER", "INC_ECOG_0_TO_1", "INC_ORGAN_FUNCTION", "INC_CONSENT_SIGNED");
    private static final List<String> EXCLUSIONS = List.of("EXC_DISTANT_METASTASIS", "EXC_PRIOR_RADIOTHERAPY",
            "EXC_UNCONTROLLED_HYPERTENSION", "EXC_BLEEDING_RISK", "EXC_PREGNANCY");

    private Eligibility() {
    }

    /** Every inclusion criterion met, no exclusion criterion. */
    public static Map<String, Boolean> everyCriterionMet() {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        INCLUSIONS.forEach(criterion -> answers.put(criterion, true));
        EXCLUSIONS.forEach(criterion -> answers.put(criterion, false));
        return answers;
    }
}
