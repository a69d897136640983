package org.trialstream.kernel.contract.safety;

/** What was done with the study treatment because of the adverse event (CDISC AEACN). */
public enum ActionTaken {
    DOSE_NOT_CHANGED,
    DOSE_REDUCED,
    DRUG_INTERRUPTED,
    DRUG_WITHDRAWN,
    NOT_APPLICABLE,
    UNKNOWN
}
