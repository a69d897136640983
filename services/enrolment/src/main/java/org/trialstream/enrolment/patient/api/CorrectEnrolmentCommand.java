package org.trialstream.enrolment.patient.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;

/** A null detail is left as recorded; at least one detail must change. */
public record CorrectEnrolmentCommand(@TargetAggregateIdentifier PatientId patientId, LocalDate surgeryDate,
                                      ResectionMargin margin, String histology, String reason,
                                      Long expectedVersion) {
}
