package org.trialstream.kernel.contract.dosing;

/** What the pharmacist or investigator decided on an adverse event that required a dose decision. */
public enum DoseDecision {
    /** One step down the ladder; from the lowest level this stops anlotinib for good. */
    REDUCE,
    /** Hold dosing until it resumes. */
    HOLD,
    /** Go on at the current dose, for the reason given. */
    CONTINUE,
    /** Stop anlotinib for good. */
    STOP
}
