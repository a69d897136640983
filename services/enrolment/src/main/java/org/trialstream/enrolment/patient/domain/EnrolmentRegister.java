package org.trialstream.enrolment.patient.domain;

import org.trialstream.kernel.patient.PatientId;

/** The study-wide facts a patient depends on: unique screening numbers and the enrolment cap. */
public interface EnrolmentRegister {

    void registerScreening(PatientId patient, String screeningNumber);

    /** Takes the next enrolment place for the patient, or refuses when the study is full. */
    int takePlace(PatientId patient);
}
