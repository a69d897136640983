package org.trialstream.kernel.contract.radiotherapy;

/** What a radiotherapy finding is about. */
public enum RadiotherapyFinding {
    /** The margin was corrected after the prescription, and the prescription no longer fits its bounds. */
    PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS,
    /** More working days without a fraction between two fractions than the protocol tolerates. */
    TREATMENT_GAP
}
