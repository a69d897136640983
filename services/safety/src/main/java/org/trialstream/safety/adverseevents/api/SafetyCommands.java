package org.trialstream.safety.adverseevents.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trialstream.kernel.contract.safety.ActionTaken;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.kernel.patient.PatientId;

/** The safety commands: reactions to enrolment, dosing and radiotherapy, and what site staff record. */
public final class SafetyCommands {

    private SafetyCommands() {
    }

    /** A reaction to {@code PatientEnrolled}: the patient's safety record, with the site and the surgery date. */
    public record OpenSafetyRecord(@TargetAggregateIdentifier PatientId patientId, String siteId,
                                   String screeningNumber, LocalDate surgeryDate) {
    }

    /** A reaction to {@code EnrolmentCorrected}: the surgery date as corrected. */
    public record CorrectSurgeryDate(@TargetAggregateIdentifier PatientId patientId, LocalDate surgeryDate) {
    }

    /** The study treatments whose start makes an adverse event treatment-emergent. */
    public enum Treatment {
        ANLOTINIB,
        RADIOTHERAPY
    }

    /** A reaction to {@code FirstDoseTaken} or {@code FractionDelivered}: study treatment given on a date. */
    public record RecordTreatmentGiven(@TargetAggregateIdentifier PatientId patientId, Treatment treatment,
                                       LocalDate on) {
    }

    /**
     * An adverse event as the site describes it: by CTCAE term or by MedDRA code, graded; the aggregate checks it
     * against the CTCAE dictionary and the protocol.
     *
     * @param outcome null for an event that is ongoing
     */
    public record Description(String term, String meddraCode, Integer grade, LocalDate onsetOn, LocalDate awareOn,
                              Attribution attribution, boolean expected, boolean intolerable,
                              List<SeriousnessCriterion> seriousness, ActionTaken actionTaken,
                              AdverseEventOutcome outcome) {
    }

    public record ReportAdverseEvent(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId,
                                     Description description, Long expectedVersion) {
    }

    public record ChangeGrade(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId, int grade,
                              LocalDate on, String reason, Long expectedVersion) {
    }

    /** The event became serious, or serious by more criteria, and the site learnt it on {@code awareOn}. */
    public record ReportSeriousness(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId,
                                    List<SeriousnessCriterion> criteria, LocalDate awareOn, Long expectedVersion) {
    }

    public record ResolveAdverseEvent(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId,
                                      LocalDate resolvedOn, AdverseEventOutcome outcome, Long expectedVersion) {
    }

    public record CorrectAdverseEvent(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId,
                                      Description description, String reason, Long expectedVersion) {
    }

    public record SubmitReport(@TargetAggregateIdentifier PatientId patientId, UUID adverseEventId,
                               ExpeditedReportKind kind, LocalDate submittedOn, String recipient,
                               Long expectedVersion) {
    }
}
