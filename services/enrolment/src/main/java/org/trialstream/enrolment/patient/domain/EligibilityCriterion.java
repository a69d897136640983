package org.trialstream.enrolment.patient.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eligibility checklist. The registry record gives no criteria list, so this is the study team's working
 * checklist for adjuvant anlotinib with postoperative IMRT; an inclusion item must be met, an exclusion item must not.
 */
public enum EligibilityCriterion {
    INC_HISTOLOGY_STS(Kind.INCLUSION, "Histologically confirmed soft tissue sarcoma"),
    INC_RESECTION_DONE(Kind.INCLUSION, "Resection performed, margin status R0, R1 or R2 reported"),
    INC_AGE_18_OR_OVER(Kind.INCLUSION, "Aged 18 years or over"),
    INC_ECOG_0_TO_1(Kind.INCLUSION, "ECOG performance status 0 or 1"),
    INC_ORGAN_FUNCTION(Kind.INCLUSION, "Adequate bone marrow, liver and kidney function"),
    INC_CONSENT_SIGNED(Kind.INCLUSION, "Written informed consent signed"),
    EXC_DISTANT_METASTASIS(Kind.EXCLUSION, "Distant metastasis at baseline"),
    EXC_PRIOR_RADIOTHERAPY(Kind.EXCLUSION, "Prior radiotherapy to the operated region"),
    EXC_UNCONTROLLED_HYPERTENSION(Kind.EXCLUSION, "Uncontrolled hypertension (anlotinib)"),
    EXC_BLEEDING_RISK(Kind.EXCLUSION, "Active bleeding or high bleeding risk (anlotinib)"),
    EXC_PREGNANCY(Kind.EXCLUSION, "Pregnant or breastfeeding");

    public enum Kind { INCLUSION, EXCLUSION }

    private final Kind kind;
    private final String statement;

    EligibilityCriterion(Kind kind, String statement) {
        this.kind = kind;
        this.statement = statement;
    }

    public Kind kind() {
        return kind;
    }

    public String statement() {
        return statement;
    }

    /** Whether an answer to this item keeps the patient eligible. */
    public boolean allows(boolean met) {
        return kind == Kind.INCLUSION ? met : !met;
    }

    public static Optional<EligibilityCriterion> ofCode(String code) {
        return Arrays.stream(values()).filter(criterion -> criterion.name().equals(code)).findFirst();
    }
}
