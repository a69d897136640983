package org.trialstream.kernel.contract.safety;

/**
 * The reports of a serious adverse event to the sponsor: the initial SAE report, the expedited SUSAR report, and the
 * follow-up of a fatal or life-threatening SUSAR.
 */
public enum ExpeditedReportKind {
    INITIAL,
    EXPEDITED,
    FOLLOW_UP
}
