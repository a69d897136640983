package org.trialstream.kernel.contract.dosing;

/** What a dosing finding is about. */
public enum DosingFinding {
    /** Enrolment moved the surgery date of a course already started: the first-dose window may no longer hold. */
    SURGERY_DATE_MOVED_AFTER_START,
    /** A cycle's capsules do not reconcile: dispensed minus returned is not what the diary says was taken. */
    ACCOUNTABILITY_MISMATCH
}
