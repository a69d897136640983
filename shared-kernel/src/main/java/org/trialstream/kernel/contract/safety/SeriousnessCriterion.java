package org.trialstream.kernel.contract.safety;

/** The ICH E2A criteria that make an adverse event serious. */
public enum SeriousnessCriterion {
    DEATH,
    LIFE_THREATENING,
    HOSPITALISATION,
    DISABILITY,
    CONGENITAL_ANOMALY,
    IMPORTANT_MEDICAL_EVENT
}
