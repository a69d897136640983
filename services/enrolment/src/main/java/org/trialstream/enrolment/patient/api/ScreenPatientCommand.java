package org.trialstream.enrolment.patient.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.SiteId;

public record ScreenPatientCommand(@TargetAggregateIdentifier PatientId patientId, String screeningNumber,
                                   SiteId siteId, LocalDate screenedOn) {
}
