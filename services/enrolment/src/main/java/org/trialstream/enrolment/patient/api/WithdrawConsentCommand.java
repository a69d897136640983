package org.trialstream.enrolment.patient.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.patient.PatientId;

public record WithdrawConsentCommand(@TargetAggregateIdentifier PatientId patientId, LocalDate withdrawnOn,
                                     String reason, Long expectedVersion) {
}
