package org.trialstream.enrolment.patient.domain;

/**
 * The patient does not exist for the person asking: site staff of another site are told exactly what they would be
 * told about a patient id that was never used.
 */
public class PatientNotFound extends RuntimeException {

    public PatientNotFound() {
        super("no patient with this id exists");
    }
}
