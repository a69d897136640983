package org.trialstream.enrolment.study.domain;

import org.trialstream.kernel.patient.PatientId;

/**
 * The screening log: each screening number belongs to one patient for ever. Written in the screening command's own
 * transaction, so the number is taken exactly when the patient's {@code PatientScreened} is stored.
 */
public interface ScreeningNumbers {

    /** Takes the number for the patient, or refuses with a conflict naming {@code screeningNumber}. */
    void take(String screeningNumber, PatientId patient);
}
