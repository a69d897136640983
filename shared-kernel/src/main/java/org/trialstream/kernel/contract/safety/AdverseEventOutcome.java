package org.trialstream.kernel.contract.safety;

/** How the adverse event ended, or stands (CDISC AEOUT). */
public enum AdverseEventOutcome {
    NOT_RECOVERED,
    RECOVERING,
    RECOVERED,
    RECOVERED_WITH_SEQUELAE,
    FATAL,
    UNKNOWN
}
