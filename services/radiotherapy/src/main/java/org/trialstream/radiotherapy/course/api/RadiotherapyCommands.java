package org.trialstream.radiotherapy.course.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.contract.radiotherapy.DeviationSeverity;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;

/** The radiotherapy commands: the reaction to enrolment, and what the radiation oncologist records. */
public final class RadiotherapyCommands {

    private RadiotherapyCommands() {
    }

    /**
     * A reaction to {@code PatientEnrolled} or {@code EnrolmentCorrected}: the site (null on a correction, which does
     * not carry it), the surgery date and the margin.
     */
    public record PlanRadiotherapy(@TargetAggregateIdentifier PatientId patientId, String siteId,
                                   String screeningNumber, LocalDate surgeryDate, ResectionMargin margin) {
    }

    /** @param reason why the prescription changes; null for the first one */
    public record Prescribe(@TargetAggregateIdentifier PatientId patientId, LocalDate prescribedOn,
                            BigDecimal baseDoseGy, int baseFractions, BigDecimal boostDoseGy, int boostFractions,
                            String reason, Long expectedVersion) {
    }

    /** The oncologist keeps a prescription the corrected margin no longer fits, for the reason given. */
    public record ConfirmPrescription(@TargetAggregateIdentifier PatientId patientId, LocalDate on, String reason,
                                      Long expectedVersion) {
    }

    public record DeliverFraction(@TargetAggregateIdentifier PatientId patientId, LocalDate deliveredOn,
                                  BigDecimal doseGy, RadiotherapyPhase phase, Long expectedVersion) {
    }

    public record RecordInterruption(@TargetAggregateIdentifier PatientId patientId, LocalDate from, LocalDate to,
                                     String reason, Long expectedVersion) {
    }

    public record RecordDeviation(@TargetAggregateIdentifier PatientId patientId, LocalDate on,
                                  DeviationSeverity severity, String description, Long expectedVersion) {
    }

    public record StopEarly(@TargetAggregateIdentifier PatientId patientId, LocalDate on, String reason,
                            Long expectedVersion) {
    }
}
