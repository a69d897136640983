package org.trialstream.kernel.contract.radiotherapy;

/** How far a radiotherapy deviation departs from the plan (quality-assurance grading). */
public enum DeviationSeverity {
    MINOR,
    MAJOR
}
