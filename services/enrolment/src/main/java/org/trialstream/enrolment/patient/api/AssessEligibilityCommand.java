package org.trialstream.enrolment.patient.api;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.patient.PatientId;

/** Answers keyed by checklist criterion code; every criterion must be answered. */
public record AssessEligibilityCommand(@TargetAggregateIdentifier PatientId patientId, Map<String, Boolean> answers,
                                       LocalDate assessedOn, Long expectedVersion) {
}
