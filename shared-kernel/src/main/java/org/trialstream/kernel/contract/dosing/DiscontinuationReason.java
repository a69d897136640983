package org.trialstream.kernel.contract.dosing;

/** Why anlotinib stopped for good. */
public enum DiscontinuationReason {
    PROGRESSION,
    DEATH,
    UNACCEPTABLE_TOXICITY,
    CONSENT_WITHDRAWN,
    OTHER
}
