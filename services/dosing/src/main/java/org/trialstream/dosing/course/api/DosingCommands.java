package org.trialstream.dosing.course.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DoseDecision;
import org.trialstream.kernel.patient.PatientId;

/** The dosing commands: reactions to enrolment, safety and follow-up, and what the pharmacy and investigator record. */
public final class DosingCommands {

    private DosingCommands() {
    }

    /** A reaction to {@code PatientEnrolled} or {@code EnrolmentCorrected}: the course planned from the surgery date. */
    public record PlanCourse(@TargetAggregateIdentifier PatientId patientId, String siteId, String screeningNumber,
                             LocalDate surgeryDate) {
    }

    /** A reaction to {@code DoseDecisionWarranted}: an adverse event that justifies a dose decision. */
    public record RequireDoseDecision(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId,
                                      String siteId, String term, int grade, boolean intolerable, LocalDate on) {
    }

    /** A reaction to {@code ConsentWithdrawn} or {@code DeathRecorded}: the course ends, if it has not. */
    public record EndCourse(@TargetAggregateIdentifier PatientId patientId, LocalDate on,
                            DiscontinuationReason reason, String detail) {
    }

    /** @param deviationReason why a first dose outside the window is given anyway; null inside the window */
    public record TakeFirstDose(@TargetAggregateIdentifier PatientId patientId, LocalDate takenOn, int doseMg,
                                String deviationReason, Long expectedVersion) {
    }

    public record Dispense(@TargetAggregateIdentifier PatientId patientId, LocalDate dispensedOn, int cycle,
                           int tablets, int strengthMg, String lot, Long expectedVersion) {
    }

    public record ReturnTablets(@TargetAggregateIdentifier PatientId patientId, LocalDate returnedOn, int cycle,
                                int tablets, Long expectedVersion) {
    }

    /** The whole dispensing as it should have been, replacing the one {@code correctedEventId} recorded. */
    public record CorrectDispensing(@TargetAggregateIdentifier PatientId patientId, String correctedEventId,
                                    LocalDate dispensedOn, int cycle, int tablets, int strengthMg, String lot,
                                    String reason, Long expectedVersion) {
    }

    /** The whole return as it should have been, replacing the one {@code correctedEventId} recorded. */
    public record CorrectReturn(@TargetAggregateIdentifier PatientId patientId, String correctedEventId,
                                LocalDate returnedOn, int cycle, int tablets, String reason, Long expectedVersion) {
    }

    /** @param reason why days already recorded change; null when every day is new */
    public record RecordDiary(@TargetAggregateIdentifier PatientId patientId, int cycle, List<DiaryDay> days,
                              String reason, Long expectedVersion) {
    }

    public record ReduceDose(@TargetAggregateIdentifier PatientId patientId, LocalDate effectiveOn, int toMg,
                             UUID adverseEventId, String reason, Long expectedVersion) {
    }

    public record InterruptDosing(@TargetAggregateIdentifier PatientId patientId, LocalDate from, String reason,
                                  Long expectedVersion) {
    }

    public record ResumeDosing(@TargetAggregateIdentifier PatientId patientId, LocalDate on, Long expectedVersion) {
    }

    /** @param adverseEventId the event behind an unacceptable toxicity; may be null */
    public record Discontinue(@TargetAggregateIdentifier PatientId patientId, LocalDate on,
                              DiscontinuationReason reason, String detail, UUID adverseEventId,
                              Long expectedVersion) {
    }

    public record ResolveDoseDecision(@TargetAggregateIdentifier PatientId patientId, UUID decisionId,
                                      DoseDecision decision, String reason, LocalDate on, Long expectedVersion) {
    }
}
