package org.trialstream.dosing.course.domain;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialstream.dosing.course.api.DosingCommands.CorrectDispensing;
import org.trialstream.dosing.course.api.DosingCommands.Discontinue;
import org.trialstream.dosing.course.api.DosingCommands.Dispense;
import org.trialstream.dosing.course.api.DosingCommands.EndCourse;
import org.trialstream.dosing.course.api.DosingCommands.InterruptDosing;
import org.trialstream.dosing.course.api.DosingCommands.PlanCourse;
import org.trialstream.dosing.course.api.DosingCommands.RecordDiary;
import org.trialstream.dosing.course.api.DosingCommands.ReduceDose;
import org.trialstream.dosing.course.api.DosingCommands.RequireDoseDecision;
import org.trialstream.dosing.course.api.DosingCommands.ResolveDoseDecision;
import org.trialstream.dosing.course.api.DosingCommands.ResumeDosing;
import org.trialstream.dosing.course.api.DosingCommands.ReturnTablets;
import org.trialstream.dosing.course.api.DosingCommands.TakeFirstDose;
import org.trialstream.dosing.course.domain.CourseEvents.ReductionJustified;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.dosing.AnlotinibCourseCompleted;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.AnlotinibDispensed;
import org.trialstream.kernel.contract.dosing.AnlotinibReturned;
import org.trialstream.kernel.contract.dosing.CoursePlanned;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiaryRecorded;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
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
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolFiles;
import org.trialstream.protocol.definition.ProtocolLoader;

class AnlotinibCourseTest {

    private static final UUID PATIENT_ID = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");
    private static final PatientId PATIENT = new PatientId(PATIENT_ID);
    private static final UUID AE = UUID.fromString("3d9b7c1a-5e2f-4a8b-9c0d-1e2f3a4b5c6d");
    private static final UUID OTHER_AE = UUID.fromString("4e0c8d2b-6f3a-4b9c-8d1e-2f3a4b5c6d7e");
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final ClinicalCalendar CALENDAR = new ClinicalCalendar(
            Clock.fixed(TODAY.atTime(10, 0).atZone(SITE_ZONE).toInstant(), SITE_ZONE), SITE_ZONE,
            LocalDate.of(2020, 1, 1));
    private static final LocalDate SURGERY = LocalDate.of(2026, 5, 1);
    private static final LocalDate FIRST_DOSE = SURGERY.plusDays(21);
    private static final Map<String, Object> PHARMACIST_AT_HOME = Map.of(AuditMetadata.ACTOR_SUBJECT, "pharm-1",
            AuditMetadata.ACTOR_ROLE, "PHARMACIST", AuditMetadata.ACTOR_SITE, "RJH");
    private static final Map<String, Object> PHARMACIST_ELSEWHERE = Map.of(AuditMetadata.ACTOR_SUBJECT, "pharm-2",
            AuditMetadata.ACTOR_ROLE, "PHARMACIST", AuditMetadata.ACTOR_SITE, "FDU");

    private AggregateTestFixture<AnlotinibCourse> fixture;
    private Map<String, Object> actor = PHARMACIST_AT_HOME;

    @BeforeEach
    void setUp() {
        fixture = fixture(ProtocolLoader.loadDefault());
    }

    private AggregateTestFixture<AnlotinibCourse> fixture(Protocol protocol) {
        AggregateTestFixture<AnlotinibCourse> built = new AggregateTestFixture<>(AnlotinibCourse.class);
        built.registerInjectableResource(CALENDAR);
        built.registerInjectableResource(protocol);
        built.registerCommandDispatchInterceptor(actingAsCurrentActor());
        return built;
    }

    // ---- planning ----

    @Test
    void plansTheCourseFromTheSurgeryDateWhenThePatientIsEnrolled() {
        fixture.givenNoPriorActivity()
                .when(new PlanCourse(PATIENT, "RJH", "S-001", SURGERY))
                .expectEvents(planned(SURGERY));
    }

    @Test
    void replansACourseNotYetStartedWhenTheSurgeryDateIsCorrected() {
        fixture.given(planned(SURGERY))
                .when(new PlanCourse(PATIENT, null, null, SURGERY.minusDays(2)))
                .expectEvents(planned(SURGERY.minusDays(2)));
    }

    @Test
    void raisesAFindingWhenTheSurgeryDateOfAStartedCourseIsCorrected() {
        fixture.given(planned(SURGERY), firstDose())
                .when(new PlanCourse(PATIENT, null, null, SURGERY.minusDays(9)))
                .expectEvents(new DosingFindingRaised(PATIENT_ID, "RJH",
                        DosingFinding.SURGERY_DATE_MOVED_AFTER_START, null, "surgery date corrected from " + SURGERY
                        + " to " + SURGERY.minusDays(9) + ": the first dose on " + FIRST_DOSE
                        + " is now study day 30 (window days 21-28)"));
    }

    @Test
    void siteStaffOfAnotherSiteFindNoPatient() {
        actor = PHARMACIST_ELSEWHERE;
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(FIRST_DOSE, null))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnyRecordForAPatientNotYetEnrolled() {
        fixture.given(new ReductionJustified(PATIENT_ID, AE, "RJH"))
                .when(takeFirstDose(FIRST_DOSE, null))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ---- the first dose ----

    @Test
    void acceptsTheFirstDoseOnDayTwentyOne() {
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(SURGERY.plusDays(21), null))
                .expectEvents(new FirstDoseTaken(PATIENT_ID, SURGERY.plusDays(21), 12));
    }

    @Test
    void acceptsTheFirstDoseOnDayTwentyEight() {
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(SURGERY.plusDays(28), null))
                .expectEvents(new FirstDoseTaken(PATIENT_ID, SURGERY.plusDays(28), 12));
    }

    @Test
    void refusesFirstDoseOnDayTwenty() {
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(SURGERY.plusDays(20), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("study day 20 is outside the first-dose window, days 21-28 after surgery on "
                        + SURGERY + " (protocol anlotinib.firstDose); a first dose outside it is a protocol deviation "
                        + "and needs its reason")
                .expectNoEvents();
    }

    @Test
    void refusesFirstDoseOnDayTwentyNine() {
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(SURGERY.plusDays(29), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void acceptsAFirstDoseOutsideTheWindowOnlyAsAProtocolDeviationWithItsReason() {
        LocalDate late = SURGERY.plusDays(31);
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(late, "Wound dehiscence delayed the start"))
                .expectEvents(new ProtocolDeviationRecorded(PATIENT_ID, "RJH", late,
                                ProtocolDeviationRecorded.FIRST_DOSE_WINDOW, "first dose on study day 31; the window "
                                + "is days 21-28 after surgery on " + SURGERY + " (protocol anlotinib.firstDose)",
                                "Wound dehiscence delayed the start"),
                        new FirstDoseTaken(PATIENT_ID, late, 12));
    }

    @Test
    void refusesADeviationForAFirstDoseInsideTheWindow() {
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(FIRST_DOSE, "no reason to deviate"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAFirstDoseBeforeSurgeryEvenAsADeviation() {
        fixture.given(planned(SURGERY))
                .when(takeFirstDose(SURGERY.minusDays(1), "typo"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("surgery was on " + SURGERY + ", after this date")
                .expectNoEvents();
    }

    @Test
    void refusesAFirstDoseInTheFuture() {
        fixture.given(planned(TODAY.minusDays(22)))
                .when(takeFirstDose(TODAY.plusDays(1), null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the date cannot be in the future")
                .expectNoEvents();
    }

    @Test
    void refusesAFirstDoseOtherThanTheStartDoseOfTwelveMilligrams() {
        fixture.given(planned(SURGERY))
                .when(new TakeFirstDose(PATIENT, FIRST_DOSE, 10, null, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the course starts at 12 mg (protocol anlotinib.startDoseMg)")
                .expectNoEvents();
    }

    @Test
    void refusesASecondFirstDoseAsAConflict() {
        fixture.given(planned(SURGERY), firstDose())
                .when(takeFirstDose(FIRST_DOSE.plusDays(1), null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    // ---- the dose ladder ----

    @Test
    void reducesTwelveToTenForARelatedGradeThreeEventAndClosesItsDecision() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0))
                .when(reduce(AE, 10))
                .expectEvents(new DoseDecisionResolved(PATIENT_ID, decisionId(AE, 0), AE, DoseDecision.REDUCE,
                                "Grade 3 diarrhoea", FIRST_DOSE.plusDays(10)),
                        new DoseReduced(PATIENT_ID, FIRST_DOSE.plusDays(10), 12, 10, AE, "Grade 3 diarrhoea"));
    }

    @Test
    void refusesAReductionWithoutAnEventThatRequiresADoseDecision() {
        fixture.given(planned(SURGERY), firstDose())
                .when(reduce(AE, 10))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("adverse event " + AE + " is not one; a reduction needs an adverse event "
                        + "that requires a dose decision: grade 3-4 related to anlotinib, or grade 2 intolerable "
                        + "despite maximal supportive care (protocol safety.doseDecision)")
                .expectNoEvents();
    }

    @Test
    void refusesSecondReductionWithoutAnEvent() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE))
                .when(reduce(AE, 8))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void reducesAgainWhenTheSameEventWorsens() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE), justified(AE))
                .when(reduce(AE, 8))
                .expectEvents(new DoseReduced(PATIENT_ID, FIRST_DOSE.plusDays(10), 10, 8, AE, "Grade 3 diarrhoea"));
    }

    @Test
    void refusesToSkipALevelOfTheLadder() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE))
                .when(reduce(AE, 8))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("one step at a time and never back up: from 12 mg the only reduction is to "
                        + "10 mg (protocol anlotinib.doseLevelsMg [12, 10, 8])")
                .expectNoEvents();
    }

    @Test
    void refusesToGoBackUpTheLadder() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE), justified(OTHER_AE))
                .when(reduce(OTHER_AE, 12))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAReductionToTheCurrentDoseAsAConflict() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE), justified(OTHER_AE))
                .when(reduce(OTHER_AE, 10))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesAReductionBelowEightMilligrams() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE), justified(OTHER_AE),
                        reduced(10, 8, OTHER_AE), justified(AE))
                .when(reduce(AE, 6))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("8 mg is the lowest dose level: if it is not tolerated, anlotinib stops for "
                        + "good; record a discontinuation (protocol anlotinib.doseLevelsMg [12, 10, 8])")
                .expectNoEvents();
    }

    @Test
    void stopsForGoodWhenEightMilligramsIsNotTolerated() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE), justified(OTHER_AE),
                        reduced(10, 8, OTHER_AE), justified(AE), decisionRequired(AE, 2))
                .when(decide(AE, 2, DoseDecision.REDUCE))
                .expectEvents(new DoseDecisionResolved(PATIENT_ID, decisionId(AE, 2), AE, DoseDecision.REDUCE,
                                "not tolerated", FIRST_DOSE.plusDays(12)),
                        new AnlotinibDiscontinued(PATIENT_ID, FIRST_DOSE.plusDays(12),
                                DiscontinuationReason.UNACCEPTABLE_TOXICITY,
                                "not tolerated at 8 mg, the lowest dose level", AE));
    }

    @Test
    void refusesAReductionBeforeTheCourseStarts() {
        fixture.given(planned(SURGERY), justified(AE))
                .when(reduce(AE, 10))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    // ---- dose decisions ----

    @Test
    void raisesADoseDecisionForAnEventThatWarrantsOne() {
        fixture.given(planned(SURGERY), firstDose())
                .when(warranted(AE))
                .expectEvents(justified(AE), decisionRequired(AE, 0));
    }

    @Test
    void raisesNoSecondDecisionWhileOneOnTheSameEventIsOpen() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0))
                .when(warranted(AE))
                .expectEvents(justified(AE));
    }

    @Test
    void refusesDispensingWhileADoseDecisionIsOpen() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0))
                .when(dispense(2, 14, 12))
                .expectException(StateConflict.class)
                .expectExceptionMessage("dose decision " + decisionId(AE, 0) + " on adverse event " + AE
                        + " (Diarrhea, grade 3) is open since " + FIRST_DOSE.plusDays(5)
                        + ": resolve it before dispensing")
                .expectNoEvents();
    }

    @Test
    void aDecisionToHoldInterruptsDosing() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0))
                .when(decide(AE, 0, DoseDecision.HOLD))
                .expectEvents(new DoseDecisionResolved(PATIENT_ID, decisionId(AE, 0), AE, DoseDecision.HOLD,
                                "not tolerated", FIRST_DOSE.plusDays(12)),
                        new DosingInterrupted(PATIENT_ID, FIRST_DOSE.plusDays(12), "not tolerated", AE));
    }

    @Test
    void aDecisionToContinueIsRecordedWithItsReasonAndChangesNothing() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0))
                .when(decide(AE, 0, DoseDecision.CONTINUE))
                .expectEvents(new DoseDecisionResolved(PATIENT_ID, decisionId(AE, 0), AE, DoseDecision.CONTINUE,
                        "not tolerated", FIRST_DOSE.plusDays(12)));
    }

    @Test
    void aDecisionToStopEndsTheCourseForUnacceptableToxicity() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0))
                .when(decide(AE, 0, DoseDecision.STOP))
                .expectEvents(new DoseDecisionResolved(PATIENT_ID, decisionId(AE, 0), AE, DoseDecision.STOP,
                                "not tolerated", FIRST_DOSE.plusDays(12)),
                        new AnlotinibDiscontinued(PATIENT_ID, FIRST_DOSE.plusDays(12),
                                DiscontinuationReason.UNACCEPTABLE_TOXICITY, null, AE));
    }

    @Test
    void refusesToDecideTwiceOnOneDecision() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), decisionRequired(AE, 0),
                        new DoseDecisionResolved(PATIENT_ID, decisionId(AE, 0), AE, DoseDecision.CONTINUE, "fine",
                                FIRST_DOSE.plusDays(6)))
                .when(decide(AE, 0, DoseDecision.STOP))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesADecisionThatDoesNotExist() {
        fixture.given(planned(SURGERY), firstDose())
                .when(decide(AE, 0, DoseDecision.CONTINUE))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ---- interruptions ----

    @Test
    void holdsAndResumesDosingAtTheCurrentDose() {
        fixture.given(planned(SURGERY), firstDose(),
                        new DosingInterrupted(PATIENT_ID, FIRST_DOSE.plusDays(3), "surgery for a wound", null))
                .when(new ResumeDosing(PATIENT, FIRST_DOSE.plusDays(8), null))
                .expectEvents(new DosingResumed(PATIENT_ID, FIRST_DOSE.plusDays(8), 12));
    }

    @Test
    void refusesAResumptionBeforeTheHold() {
        fixture.given(planned(SURGERY), firstDose(),
                        new DosingInterrupted(PATIENT_ID, FIRST_DOSE.plusDays(3), "surgery for a wound", null))
                .when(new ResumeDosing(PATIENT, FIRST_DOSE.plusDays(2), null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesASecondHoldWhileDosingIsHeld() {
        fixture.given(planned(SURGERY), firstDose(),
                        new DosingInterrupted(PATIENT_ID, FIRST_DOSE.plusDays(3), "surgery for a wound", null))
                .when(new InterruptDosing(PATIENT, FIRST_DOSE.plusDays(4), "again", null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesDispensingWhileDosingIsHeld() {
        fixture.given(planned(SURGERY), firstDose(),
                        new DosingInterrupted(PATIENT_ID, FIRST_DOSE.plusDays(3), "surgery for a wound", null))
                .when(dispense(2, 14, 12))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesADiaryDoseOnAHeldDay() {
        fixture.given(planned(SURGERY), firstDose(),
                        new DosingInterrupted(PATIENT_ID, FIRST_DOSE.plusDays(3), "surgery for a wound", null),
                        new DosingResumed(PATIENT_ID, FIRST_DOSE.plusDays(8), 12))
                .when(diary(1, null, taken(FIRST_DOSE.plusDays(5), 12)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("dosing was held on " + FIRST_DOSE.plusDays(5))
                .expectNoEvents();
    }

    // ---- discontinuation ----

    @Test
    void endsTheCourseWhenConsentIsWithdrawn() {
        fixture.given(planned(SURGERY), firstDose())
                .when(new EndCourse(PATIENT, FIRST_DOSE.plusDays(30), DiscontinuationReason.CONSENT_WITHDRAWN,
                        "moved abroad"))
                .expectEvents(new AnlotinibDiscontinued(PATIENT_ID, FIRST_DOSE.plusDays(30),
                        DiscontinuationReason.CONSENT_WITHDRAWN, "moved abroad", null));
    }

    @Test
    void aDeathAfterTheCourseEndedChangesNothing() {
        fixture.given(planned(SURGERY), firstDose(), new AnlotinibDiscontinued(PATIENT_ID, FIRST_DOSE.plusDays(30),
                        DiscontinuationReason.PROGRESSION, null, null))
                .when(new EndCourse(PATIENT, FIRST_DOSE.plusDays(60), DiscontinuationReason.DEATH, "sarcoma"))
                .expectNoEvents();
    }

    @Test
    void refusesDispensingAfterTheCourseEnded() {
        fixture.given(planned(SURGERY), firstDose(), new AnlotinibDiscontinued(PATIENT_ID, FIRST_DOSE.plusDays(30),
                        DiscontinuationReason.PROGRESSION, null, null))
                .when(dispense(3, 14, 12))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesADiscontinuationForAnotherReasonWithoutItsDetail() {
        fixture.given(planned(SURGERY), firstDose())
                .when(new Discontinue(PATIENT, FIRST_DOSE.plusDays(3), DiscontinuationReason.OTHER, null, null,
                        null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---- drug accountability ----

    @Test
    void dispensesTheCurrentStrengthForACycle() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE))
                .when(dispense(2, 14, 10))
                .expectEvents(new AnlotinibDispensed(PATIENT_ID, FIRST_DOSE.plusDays(21), 2, 14, 10, "AN-1"));
    }

    @Test
    void refusesDispensingAStrengthOtherThanTheCurrentDose() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE))
                .when(dispense(2, 14, 12))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the current dose is 10 mg: dispense 10 mg capsules (one a dosing day, "
                        + "protocol anlotinib.doseLevelsMg)")
                .expectNoEvents();
    }

    @Test
    void refusesDispensingForACycleBeyondTheFourth() {
        fixture.given(planned(SURGERY), firstDose())
                .when(dispense(5, 14, 12))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the course has cycles 1 to 4 (protocol anlotinib.cycles)")
                .expectNoEvents();
    }

    @Test
    void refusesReturningMoreThanWasDispensed() {
        fixture.given(planned(SURGERY), firstDose(), dispensed(1, 14))
                .when(new ReturnTablets(PATIENT, FIRST_DOSE.plusDays(21), 1, 15, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void raisesAFindingWhenACycleDoesNotReconcile() {
        fixture.given(planned(SURGERY), firstDose(), dispensed(1, 14),
                        diaryRecorded(1, days(FIRST_DOSE, 12, 12)))
                .when(new ReturnTablets(PATIENT, FIRST_DOSE.plusDays(21), 1, 1, null))
                .expectEvents(new AnlotinibReturned(PATIENT_ID, FIRST_DOSE.plusDays(21), 1, 1),
                        new DosingFindingRaised(PATIENT_ID, "RJH", DosingFinding.ACCOUNTABILITY_MISMATCH, 1,
                                "cycle 1: 14 dispensed - 1 returned = 13, but the diary has 12 taken"));
    }

    @Test
    void raisesNoFindingWhenACycleReconciles() {
        fixture.given(planned(SURGERY), firstDose(), dispensed(1, 14),
                        diaryRecorded(1, days(FIRST_DOSE, 12, 12)))
                .when(new ReturnTablets(PATIENT, FIRST_DOSE.plusDays(21), 1, 2, null))
                .expectEvents(new AnlotinibReturned(PATIENT_ID, FIRST_DOSE.plusDays(21), 1, 2));
    }

    @Test
    void refusesToCorrectAFactThatIsNotADispensing() {
        fixture.given(planned(SURGERY), firstDose(), dispensed(1, 14))
                .when(new CorrectDispensing(PATIENT, UUID.randomUUID().toString(), FIRST_DOSE, 1, 14, 12, "AN-1",
                        "typo", null))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ---- the diary ----

    @Test
    void refusesADoseOnARestDay() {
        fixture.given(planned(SURGERY), firstDose())
                .when(diary(1, null, taken(FIRST_DOSE.plusDays(14), 12)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("day 15 of the cycle is a rest day (protocol anlotinib.schedule)")
                .expectNoEvents();
    }

    @Test
    void dosesOnTheThirdDayOnlyUnderDaysOneToFourteenAndRestsUnderTwoOnOneOff() {
        DiaryDay dayThree = taken(FIRST_DOSE.plusDays(2), 12);
        fixture.given(planned(SURGERY), firstDose())
                .when(diary(1, null, dayThree))
                .expectEvents(diaryRecorded(1, List.of(dayThree)));
        fixture(ProtocolFiles.parse(ProtocolFiles.bundledWith("onDays: [\"1-14\"]",
                "pattern: {daysOn: 2, daysOff: 1}")))
                .given(planned(SURGERY), firstDose())
                .when(diary(1, null, dayThree))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("day 3 of the cycle is a rest day (protocol anlotinib.schedule)");
    }

    @Test
    void refusesADiaryDayOfAnotherCycle() {
        fixture.given(planned(SURGERY), firstDose())
                .when(diary(2, null, taken(FIRST_DOSE.plusDays(3), 12)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(FIRST_DOSE.plusDays(3) + " is day 4 of cycle 1, not of cycle 2")
                .expectNoEvents();
    }

    @Test
    void refusesADiaryDoseOtherThanTheDoseInEffectThatDay() {
        fixture.given(planned(SURGERY), firstDose(), justified(AE), reduced(12, 10, AE))
                .when(diary(1, null, taken(FIRST_DOSE.plusDays(11), 12)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the dose on " + FIRST_DOSE.plusDays(11) + " was 10 mg")
                .expectNoEvents();
    }

    @Test
    void refusesChangingARecordedDayWithoutAReason() {
        fixture.given(planned(SURGERY), firstDose(), diaryRecorded(1, days(FIRST_DOSE, 2, 12)))
                .when(diary(1, null, new DiaryDay(FIRST_DOSE, false, null)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void correctsARecordedDayWithItsReasonNamingTheFactItCorrects() {
        fixture.given(planned(SURGERY), firstDose(), diaryRecorded(1, days(FIRST_DOSE, 2, 12)))
                .when(diary(1, "re-read the card", new DiaryDay(FIRST_DOSE, false, null)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((DiaryRecorded recorded) -> recorded.corrects().size() == 1
                                && recorded.reason().equals("re-read the card")
                                && recorded.days().equals(List.of(new DiaryDay(FIRST_DOSE, false, null)))))));
    }

    @Test
    void completesTheCourseWhenTheDiaryReachesTheLastDosingDayOfTheFourthCycle() {
        LocalDate lastDosingDay = FIRST_DOSE.plusDays(3 * 21 + 13);
        fixture.given(planned(SURGERY), firstDose())
                .when(diary(4, null, taken(lastDosingDay, 12)))
                .expectEvents(diaryRecorded(4, List.of(taken(lastDosingDay, 12))),
                        new AnlotinibCourseCompleted(PATIENT_ID, lastDosingDay, 4, 12));
    }

    // ---- helpers ----

    private static CoursePlanned planned(LocalDate surgery) {
        return new CoursePlanned(PATIENT_ID, "RJH", "S-001", surgery, surgery.plusDays(21), surgery.plusDays(28), 12,
                4);
    }

    private static FirstDoseTaken firstDose() {
        return new FirstDoseTaken(PATIENT_ID, FIRST_DOSE, 12);
    }

    private static TakeFirstDose takeFirstDose(LocalDate on, String deviationReason) {
        return new TakeFirstDose(PATIENT, on, 12, deviationReason, null);
    }

    private static ReductionJustified justified(UUID adverseEventId) {
        return new ReductionJustified(PATIENT_ID, adverseEventId, "RJH");
    }

    private static RequireDoseDecision warranted(UUID adverseEventId) {
        return new RequireDoseDecision(PATIENT, adverseEventId, "RJH", "Diarrhea", 3, false, FIRST_DOSE.plusDays(5));
    }

    private static UUID decisionId(UUID adverseEventId, int decisionsBefore) {
        return UUID.nameUUIDFromBytes(("dose-decision:" + adverseEventId + ":" + decisionsBefore)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static DoseDecisionRequired decisionRequired(UUID adverseEventId, int decisionsBefore) {
        return new DoseDecisionRequired(PATIENT_ID, decisionId(adverseEventId, decisionsBefore), "RJH",
                adverseEventId, "Diarrhea", 3, false, FIRST_DOSE.plusDays(5));
    }

    private static ResolveDoseDecision decide(UUID adverseEventId, int decisionsBefore, DoseDecision decision) {
        return new ResolveDoseDecision(PATIENT, decisionId(adverseEventId, decisionsBefore), decision,
                "not tolerated", FIRST_DOSE.plusDays(12), null);
    }

    private static ReduceDose reduce(UUID adverseEventId, int toMg) {
        return new ReduceDose(PATIENT, FIRST_DOSE.plusDays(10), toMg, adverseEventId, "Grade 3 diarrhoea", null);
    }

    private static DoseReduced reduced(int fromMg, int toMg, UUID adverseEventId) {
        return new DoseReduced(PATIENT_ID, FIRST_DOSE.plusDays(10), fromMg, toMg, adverseEventId, "earlier");
    }

    private static Dispense dispense(int cycle, int tablets, int strengthMg) {
        return new Dispense(PATIENT, FIRST_DOSE.plusDays(21L * (cycle - 1)), cycle, tablets, strengthMg, "AN-1",
                null);
    }

    private static AnlotinibDispensed dispensed(int cycle, int tablets) {
        return new AnlotinibDispensed(PATIENT_ID, FIRST_DOSE.plusDays(21L * (cycle - 1)), cycle, tablets, 12,
                "AN-1");
    }

    private static DiaryDay taken(LocalDate date, int doseMg) {
        return new DiaryDay(date, true, doseMg);
    }

    /** {@code count} days from {@code from}, each taken at {@code doseMg}. */
    private static List<DiaryDay> days(LocalDate from, int count, int doseMg) {
        List<DiaryDay> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(taken(from.plusDays(i), doseMg));
        }
        return days;
    }

    private static RecordDiary diary(int cycle, String reason, DiaryDay... days) {
        return new RecordDiary(PATIENT, cycle, List.of(days), reason, null);
    }

    private static DiaryRecorded diaryRecorded(int cycle, List<DiaryDay> days) {
        return new DiaryRecorded(PATIENT_ID, cycle, days, List.of(), null);
    }

    private MessageDispatchInterceptor<CommandMessage<?>> actingAsCurrentActor() {
        return messages -> (index, command) -> command.andMetaData(actor);
    }
}
