package org.trialstream.kernel.contract.radiotherapy;

/** The base course, then the margin-dependent boost. */
public enum RadiotherapyPhase {
    BASE,
    BOOST
}
