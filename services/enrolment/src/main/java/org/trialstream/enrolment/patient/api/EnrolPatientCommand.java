package org.trialstream.enrolment.patient.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;

/** {@code enrolledOn} null means today at the site. */
public record EnrolPatientCommand(@TargetAggregateIdentifier PatientId patientId, LocalDate enrolledOn,
                                  LocalDate surgeryDate, ResectionMargin margin, String histology,
                                  Long expectedVersion) {
}
