package org.trialstream.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
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
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
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
            new FirstDoseTaken(PATIENT, LocalDate.of(2026, 3, 14), 12),
            new DoseReduced(PATIENT, LocalDate.of(2026, 4, 10), 12, 10, ADVERSE_EVENT,
                    "Grade 3 diarrhoea related to anlotinib"),
            new AnlotinibDiscontinued(PATIENT, LocalDate.of(2026, 5, 2), DiscontinuationReason.UNACCEPTABLE_TOXICITY,
                    null, ADVERSE_EVENT),
            new FractionDelivered(PATIENT, LocalDate.of(2026, 3, 16), RadiotherapyPhase.BASE, 200, 1));

    private ContractSamples() {
    }
}
