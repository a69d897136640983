package org.trialstream.kernel.contract.followup;

/** How a follow-up assessment looked for disease. */
public enum ImagingModality {
    MRI,
    CT,
    PET_CT,
    ULTRASOUND,
    CLINICAL
}
