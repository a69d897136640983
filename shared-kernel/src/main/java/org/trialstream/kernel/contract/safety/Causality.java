package org.trialstream.kernel.contract.safety;

/** How likely a study treatment caused an adverse event, on the investigator's five-point scale. */
public enum Causality {
    UNRELATED,
    UNLIKELY,
    POSSIBLE,
    PROBABLE,
    DEFINITE
}
