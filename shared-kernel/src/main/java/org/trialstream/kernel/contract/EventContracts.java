package org.trialstream.kernel.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.trialstream.kernel.contract.dosing.AnlotinibCourseCompleted;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.AnlotinibDispensed;
import org.trialstream.kernel.contract.dosing.AnlotinibReturned;
import org.trialstream.kernel.contract.dosing.CoursePlanned;
import org.trialstream.kernel.contract.dosing.DiaryRecorded;
import org.trialstream.kernel.contract.dosing.DispensingCorrected;
import org.trialstream.kernel.contract.dosing.DoseDecisionRequired;
import org.trialstream.kernel.contract.dosing.DoseDecisionResolved;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.DosingFindingRaised;
import org.trialstream.kernel.contract.dosing.DosingInterrupted;
import org.trialstream.kernel.contract.dosing.DosingResumed;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.dosing.ProtocolDeviationRecorded;
import org.trialstream.kernel.contract.dosing.ReturnCorrected;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
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
import org.trialstream.kernel.contract.followup.LostToFollowUp;
import org.trialstream.kernel.contract.followup.VisitsScheduled;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.PrescriptionConfirmed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyCompleted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyDeviationRecorded;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyFindingRaised;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyInterrupted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPlanned;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPrescribed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyStoppedEarly;
import org.trialstream.kernel.contract.safety.AdverseEventCorrected;
import org.trialstream.kernel.contract.safety.AdverseEventGradeChanged;
import org.trialstream.kernel.contract.safety.AdverseEventReported;
import org.trialstream.kernel.contract.safety.AdverseEventResolved;
import org.trialstream.kernel.contract.safety.DoseDecisionWarranted;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.TreatmentEmergenceRejudged;

/** The catalogue of published facts: wire name and version to Java type, and back. */
public final class EventContracts {

    private static final List<Class<? extends TrialEvent>> ALL = List.of(
            PatientScreened.class,
            EligibilityAssessed.class,
            PatientEnrolled.class,
            ConsentWithdrawn.class,
            EnrolmentCorrected.class,
            EnrolmentOpened.class,
            VisitsScheduled.class,
            ImagingAssessed.class,
            AssessmentCorrected.class,
            AssessmentOutsideWindow.class,
            AliveContactRecorded.class,
            DeathRecorded.class,
            LostToFollowUp.class,
            FollowUpStopped.class,
            AdverseEventReported.class,
            AdverseEventGradeChanged.class,
            AdverseEventResolved.class,
            AdverseEventCorrected.class,
            TreatmentEmergenceRejudged.class,
            SeriousAdverseEventReported.class,
            ExpeditedReportSubmitted.class,
            ExpeditedReportOverdue.class,
            DoseDecisionWarranted.class,
            CoursePlanned.class,
            ProtocolDeviationRecorded.class,
            FirstDoseTaken.class,
            AnlotinibDispensed.class,
            DispensingCorrected.class,
            AnlotinibReturned.class,
            ReturnCorrected.class,
            DiaryRecorded.class,
            DosingInterrupted.class,
            DosingResumed.class,
            DoseDecisionRequired.class,
            DoseDecisionResolved.class,
            DoseReduced.class,
            AnlotinibDiscontinued.class,
            AnlotinibCourseCompleted.class,
            DosingFindingRaised.class,
            RadiotherapyPlanned.class,
            RadiotherapyPrescribed.class,
            FractionDelivered.class,
            RadiotherapyInterrupted.class,
            RadiotherapyDeviationRecorded.class,
            RadiotherapyCompleted.class,
            RadiotherapyStoppedEarly.class,
            RadiotherapyFindingRaised.class,
            PrescriptionConfirmed.class);

    private static final Map<Key, Class<? extends TrialEvent>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventContracts::keyOf, Function.identity()));

    private EventContracts() {
    }

    public static List<Class<? extends TrialEvent>> all() {
        return ALL;
    }

    /** The contract of a published type, or empty for a type that must not leave its service. */
    public static Optional<EventContract> contractOf(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(EventContract.class));
    }

    public static Optional<Class<? extends TrialEvent>> typeOf(String name, int version) {
        return Optional.ofNullable(BY_KEY.get(new Key(name, version)));
    }

    /** Whether some version of this contract is known here. */
    public static boolean knowsName(String name) {
        return BY_KEY.keySet().stream().anyMatch(key -> key.name().equals(name));
    }

    /** The context that owns a contract: the part of its name before the first dot. */
    public static BoundedContext contextOf(EventContract contract) {
        int dot = contract.name().indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("contract name '" + contract.name() + "' must read <context>.<Fact>");
        }
        return BoundedContext.ofId(contract.name().substring(0, dot));
    }

    private static Key keyOf(Class<? extends TrialEvent> type) {
        EventContract contract = contractOf(type)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not annotated @EventContract"));
        return new Key(contract.name(), contract.version());
    }

    private record Key(String name, int version) {
    }
}
