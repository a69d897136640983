package org.trialstream.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.dosing.AnlotinibCourseCompleted;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.AnlotinibDispensed;
import org.trialstream.kernel.contract.dosing.AnlotinibReturned;
import org.trialstream.kernel.contract.dosing.CoursePlanned;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiaryRecorded;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DispensingCorrected;
import org.trialstream.kernel.contract.dosing.DoseDecision;
import org.trialstream.kernel.contract.dosing.DoseDecisionRequired;
import org.trialstream.kernel.contract.dosing.DoseDecisionResolved;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.DosingFinding;
import org.trialstream.kernel.contract.dosing.DosingFindingRaised;
import org.trialstream.kernel.contract.dosing.DosingInterrupted;
import org.trialstream.kernel.contract.dosing.DosingResumed;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.dosing.ProtocolDeviationRecorded;
import org.trialstream.kernel.contract.dosing.ReturnCorrected;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAnswer;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.EnrolmentOpened;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.contract.followup.AliveContactRecorded;
import org.trialstream.kernel.contract.followup.AssessmentCorrected;
import org.trialstream.kernel.contract.followup.AssessmentOutsideWindow;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.followup.FollowUpStopped;
import org.trialstream.kernel.contract.followup.ImagingAssessed;
import org.trialstream.kernel.contract.followup.ImagingModality;
import org.trialstream.kernel.contract.followup.LostToFollowUp;
import org.trialstream.kernel.contract.followup.PlannedVisit;
import org.trialstream.kernel.contract.followup.VisitsScheduled;
import org.trialstream.kernel.contract.radiotherapy.DeviationSeverity;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.PrescriptionConfirmed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyCompleted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyDeviationRecorded;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyFinding;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyFindingRaised;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyInterrupted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPlanned;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPrescribed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyStoppedEarly;
import org.trialstream.kernel.contract.safety.ActionTaken;
import org.trialstream.kernel.contract.safety.AdverseEventCorrected;
import org.trialstream.kernel.contract.safety.AdverseEventDescription;
import org.trialstream.kernel.contract.safety.AdverseEventGradeChanged;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.AdverseEventReported;
import org.trialstream.kernel.contract.safety.AdverseEventResolved;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.DoseDecisionWarranted;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.kernel.contract.safety.TreatmentEmergenceRejudged;
import org.trialstream.kernel.patient.ResectionMargin;

/** One instance of every contract, equal to its golden JSON sample. */
final class ContractSamples {

    static final UUID PATIENT = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");

    static final UUID DECISION = UUID.fromString("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");

    static final UUID ADVERSE_EVENT = UUID.fromString("3d9b7c1a-5e2f-4a8b-9c0d-1e2f3a4b5c6d");

    private static final AdverseEventDescription DIARRHEA = new AdverseEventDescription("Diarrhea", "10012727",
            "Gastrointestinal disorders", 3, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
            new Attribution(Causality.PROBABLE, Causality.UNLIKELY), true, false,
            List.of(SeriousnessCriterion.HOSPITALISATION), ActionTaken.DRUG_INTERRUPTED,
            AdverseEventOutcome.NOT_RECOVERED);

    static final List<TrialEvent> ALL = List.of(
            new PatientScreened(PATIENT, "S-001", "RJH", LocalDate.of(2026, 3, 2)),
            new EligibilityAssessed(PATIENT,
                    List.of(new EligibilityAnswer("INC_HISTOLOGY_STS", true),
                            new EligibilityAnswer("EXC_DISTANT_METASTASIS", false)),
                    true, LocalDate.of(2026, 3, 3)),
            new PatientEnrolled(PATIENT, 1, "S-001", "RJH", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 2, 20),
                    ResectionMargin.R1, "Undifferentiated pleomorphic sarcoma"),
            new ConsentWithdrawn(PATIENT, LocalDate.of(2026, 5, 11), "Patient moved abroad"),
            new EnrolmentCorrected(PATIENT, "0b5e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", LocalDate.of(2026, 2, 19),
                    ResectionMargin.R2, "Undifferentiated pleomorphic sarcoma",
                    "Operative note gives 19 Feb; pathology revised margin to R2"),
            new EnrolmentOpened("ANLO-STS-II", 41),
            new VisitsScheduled(PATIENT, "RJH", LocalDate.of(2026, 2, 20), List.of(
                    new PlannedVisit(1, 3, LocalDate.of(2026, 5, 21), LocalDate.of(2026, 5, 7),
                            LocalDate.of(2026, 6, 4)),
                    new PlannedVisit(2, 6, LocalDate.of(2026, 8, 21), LocalDate.of(2026, 8, 7),
                            LocalDate.of(2026, 9, 4)))),
            new ImagingAssessed(PATIENT, LocalDate.of(2026, 5, 20), ImagingModality.MRI, false, true, List.of("lung"),
                    1),
            new AssessmentCorrected(PATIENT, "7c0d1e2f-3a4b-4c5d-8e9f-a0b1c2d3e4f5", LocalDate.of(2026, 5, 20),
                    ImagingModality.MRI, true, true, List.of("lung"), 1,
                    "Radiology addendum reports a nodule in the resection bed"),
            new AssessmentOutsideWindow(PATIENT, "7c0d1e2f-3a4b-4c5d-8e9f-a0b1c2d3e4f5", 2,
                    LocalDate.of(2026, 9, 18), LocalDate.of(2026, 8, 7), LocalDate.of(2026, 9, 4)),
            new AliveContactRecorded(PATIENT, LocalDate.of(2026, 10, 2)),
            new DeathRecorded(PATIENT, LocalDate.of(2026, 11, 3), "Progressive disease"),
            new LostToFollowUp(PATIENT, LocalDate.of(2026, 10, 2), "Moved; no forwarding address"),
            new FollowUpStopped(PATIENT, LocalDate.of(2026, 5, 11), "consent withdrawn"),
            new AdverseEventReported(PATIENT, ADVERSE_EVENT, "RJH", "S-001", DIARRHEA, true),
            new AdverseEventGradeChanged(PATIENT, ADVERSE_EVENT, 2, 3, LocalDate.of(2026, 4, 9),
                    "Loperamide effective; four stools a day over baseline"),
            new AdverseEventResolved(PATIENT, ADVERSE_EVENT, LocalDate.of(2026, 4, 20),
                    AdverseEventOutcome.RECOVERED),
            new AdverseEventCorrected(PATIENT, ADVERSE_EVENT, DIARRHEA, true,
                    "Source notes give onset on 2 April, not 3 April"),
            new TreatmentEmergenceRejudged(PATIENT, ADVERSE_EVENT, true, LocalDate.of(2026, 3, 14)),
            new SeriousAdverseEventReported(PATIENT, ADVERSE_EVENT, "RJH", "S-001", "Diarrhea", "10012727", 3,
                    List.of(SeriousnessCriterion.HOSPITALISATION), LocalDate.of(2026, 4, 3), true,
                    new Attribution(Causality.PROBABLE, Causality.UNLIKELY), false,
                    List.of(new ReportDeadline(ExpeditedReportKind.INITIAL, LocalDate.of(2026, 4, 4))), false),
            new ExpeditedReportSubmitted(PATIENT, ADVERSE_EVENT, ExpeditedReportKind.INITIAL,
                    LocalDate.of(2026, 4, 4), "Sponsor pharmacovigilance", LocalDate.of(2026, 4, 4), true),
            new ExpeditedReportOverdue(PATIENT, ADVERSE_EVENT, "RJH", "S-001", "Diarrhea",
                    ExpeditedReportKind.INITIAL, LocalDate.of(2026, 4, 4)),
            new DoseDecisionWarranted(PATIENT, ADVERSE_EVENT, "RJH", "Diarrhea", 3, false, LocalDate.of(2026, 4, 2)),
            new CoursePlanned(PATIENT, "RJH", "S-001", LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 13),
                    LocalDate.of(2026, 3, 20), 12, 4),
            new ProtocolDeviationRecorded(PATIENT, "RJH", LocalDate.of(2026, 3, 23),
                    ProtocolDeviationRecorded.FIRST_DOSE_WINDOW, "first dose on study day 31; the window is days 21-28",
                    "Wound dehiscence delayed the start"),
            new FirstDoseTaken(PATIENT, LocalDate.of(2026, 3, 14), 12),
            new AnlotinibDispensed(PATIENT, LocalDate.of(2026, 3, 14), 1, 14, 12, "AN2603-117"),
            new DispensingCorrected(PATIENT, "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8e", LocalDate.of(2026, 3, 14), 1, 14,
                    12, "AN2603-171", "Lot number transposed"),
            new AnlotinibReturned(PATIENT, LocalDate.of(2026, 4, 4), 1, 1),
            new ReturnCorrected(PATIENT, "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8f", LocalDate.of(2026, 4, 4), 1, 2,
                    "Second capsule found in the returned bottle's cap"),
            new DiaryRecorded(PATIENT, 1, List.of(new DiaryDay(LocalDate.of(2026, 3, 14), true, 12),
                    new DiaryDay(LocalDate.of(2026, 3, 15), false, null)),
                    List.of("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"), "Patient's diary card re-read with her"),
            new DosingInterrupted(PATIENT, LocalDate.of(2026, 4, 3), "Grade 3 diarrhoea", ADVERSE_EVENT),
            new DosingResumed(PATIENT, LocalDate.of(2026, 4, 10), 10),
            new DoseDecisionRequired(PATIENT, DECISION, "RJH", ADVERSE_EVENT, "Diarrhea", 3, false,
                    LocalDate.of(2026, 4, 2)),
            new DoseDecisionResolved(PATIENT, DECISION, ADVERSE_EVENT, DoseDecision.REDUCE,
                    "Grade 3 diarrhoea related to anlotinib", LocalDate.of(2026, 4, 10)),
            new DoseReduced(PATIENT, LocalDate.of(2026, 4, 10), 12, 10, ADVERSE_EVENT,
                    "Grade 3 diarrhoea related to anlotinib"),
            new AnlotinibDiscontinued(PATIENT, LocalDate.of(2026, 5, 2), DiscontinuationReason.UNACCEPTABLE_TOXICITY,
                    null, ADVERSE_EVENT),
            new AnlotinibCourseCompleted(PATIENT, LocalDate.of(2026, 6, 5), 4, 10),
            new DosingFindingRaised(PATIENT, "RJH", DosingFinding.ACCOUNTABILITY_MISMATCH, 1,
                    "cycle 1: 14 dispensed - 1 returned = 13, but the diary has 12 taken"),
            new RadiotherapyPlanned(PATIENT, "RJH", "S-001", LocalDate.of(2026, 2, 20), ResectionMargin.R1),
            new RadiotherapyPrescribed(PATIENT, LocalDate.of(2026, 3, 10), ResectionMargin.R1, 5000, 25, 1000, 5,
                    null),
            new FractionDelivered(PATIENT, LocalDate.of(2026, 3, 16), RadiotherapyPhase.BASE, 200, 1),
            new RadiotherapyInterrupted(PATIENT, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 1),
                    "Linac maintenance", 3),
            new RadiotherapyDeviationRecorded(PATIENT, LocalDate.of(2026, 3, 18), DeviationSeverity.MINOR,
                    "Set-up error of 6 mm corrected after imaging"),
            new RadiotherapyCompleted(PATIENT, LocalDate.of(2026, 4, 27), LocalDate.of(2026, 3, 16), 30, 6000, 43),
            new RadiotherapyStoppedEarly(PATIENT, LocalDate.of(2026, 4, 10), "Grade 3 radiation dermatitis", 20,
                    4000),
            new RadiotherapyFindingRaised(PATIENT, "RJH", RadiotherapyFinding.TREATMENT_GAP,
                    "8 working days without a fraction between 2026-03-27 and 2026-04-08; the protocol tolerates 5"),
            new PrescriptionConfirmed(PATIENT, LocalDate.of(2026, 3, 12), ResectionMargin.R0,
                    "Close margin on the final report: the tumour board keeps the 10 Gy boost"));

    private ContractSamples() {
    }
}
