package org.trialstream.followup.visits.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.contract.followup.ImagingModality;
import org.trialstream.kernel.patient.PatientId;

/** The follow-up commands: reactions to enrolment, and what site staff record. */
public final class FollowUpCommands {

    private FollowUpCommands() {
    }

    /** A reaction to {@code PatientEnrolled}: surgery is day 0 of the schedule. */
    public record ScheduleFollowUp(@TargetAggregateIdentifier PatientId patientId, String siteId,
                                   LocalDate surgeryDate) {
    }

    /** A reaction to {@code EnrolmentCorrected}: the surgery date as corrected. */
    public record Reschedule(@TargetAggregateIdentifier PatientId patientId, LocalDate surgeryDate) {
    }

    /** A reaction to {@code ConsentWithdrawn}. */
    public record StopFollowUp(@TargetAggregateIdentifier PatientId patientId, LocalDate on, String reason) {
    }

    /** What an assessment found; the same fields for a new assessment and for a correction. */
    public record Findings(LocalDate assessedOn, ImagingModality modality, boolean localRecurrence,
                           boolean distantMetastasis, List<String> metastasisSites, Integer visit) {
    }

    public record RecordAssessment(@TargetAggregateIdentifier PatientId patientId, Findings findings,
                                   Long expectedVersion) {
    }

    public record CorrectAssessment(@TargetAggregateIdentifier PatientId patientId, String correctedEventId,
                                    Findings findings, String reason, Long expectedVersion) {
    }

    public record RecordContact(@TargetAggregateIdentifier PatientId patientId, LocalDate on, Long expectedVersion) {
    }

    public record RecordDeath(@TargetAggregateIdentifier PatientId patientId, LocalDate diedOn, String cause,
                              Long expectedVersion) {
    }

    public record RecordLoss(@TargetAggregateIdentifier PatientId patientId, LocalDate lastKnownAliveOn,
                             String reason, Long expectedVersion) {
    }
}
