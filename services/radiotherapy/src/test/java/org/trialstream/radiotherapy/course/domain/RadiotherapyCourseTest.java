package org.trialstream.radiotherapy.course.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstream.kernel.audit.AuditMetadata;
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
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.ProtocolLoader;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.ConfirmPrescription;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.DeliverFraction;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.PlanRadiotherapy;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.Prescribe;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.RecordDeviation;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.RecordInterruption;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.StopEarly;

class RadiotherapyCourseTest {

    private static final UUID PATIENT_ID = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");
    private static final PatientId PATIENT = new PatientId(PATIENT_ID);
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    private static final ClinicalCalendar CALENDAR = new ClinicalCalendar(
            Clock.fixed(TODAY.atTime(10, 0).atZone(SITE_ZONE).toInstant(), SITE_ZONE), SITE_ZONE,
            LocalDate.of(2020, 1, 1));
    /** A Monday. */
    private static final LocalDate SURGERY = LocalDate.of(2026, 5, 4);
    /** A Monday, four weeks after surgery. */
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    private static final Map<String, Object> ONCOLOGIST_AT_HOME = Map.of(AuditMetadata.ACTOR_SUBJECT, "ro-1",
            AuditMetadata.ACTOR_ROLE, "RADIATION_ONCOLOGIST", AuditMetadata.ACTOR_SITE, "RJH");
    private static final Map<String, Object> ONCOLOGIST_ELSEWHERE = Map.of(AuditMetadata.ACTOR_SUBJECT, "ro-2",
            AuditMetadata.ACTOR_ROLE, "RADIATION_ONCOLOGIST", AuditMetadata.ACTOR_SITE, "FDU");

    private AggregateTestFixture<RadiotherapyCourse> fixture;
    private Map<String, Object> actor = ONCOLOGIST_AT_HOME;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RadiotherapyCourse.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(ProtocolLoader.loadDefault());
        fixture.registerCommandDispatchInterceptor(actingAsCurrentActor());
    }

    // ---- planning ----

    @Test
    void plansTheCourseWithTheResectionMarginWhenThePatientIsEnrolled() {
        fixture.givenNoPriorActivity()
                .when(new PlanRadiotherapy(PATIENT, "RJH", "S-001", SURGERY, ResectionMargin.R1))
                .expectEvents(planned(ResectionMargin.R1));
    }

    @Test
    void siteStaffOfAnotherSiteFindNoPatient() {
        actor = ONCOLOGIST_ELSEWHERE;
        fixture.given(planned(ResectionMargin.R0))
                .when(prescribe("0", 0, null))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ---- the prescription against the margin ----

    @ParameterizedTest(name = "margin {0}, boost {1} Gy in {2} fractions: within bounds {3}")
    @CsvSource({
            "R0, 0, 0, true",
            "R0, 2, 1, false",
            "R1, 0, 0, false",
            "R1, 8, 4, false",
            "R1, 10, 5, true",
            "R1, 16, 8, true",
            "R1, 18, 9, false",
            "R2, 14, 7, false",
            "R2, 16, 8, true",
            "R2, 18, 9, true",
            "R2, 20, 10, false"})
    void prescribesABoostOnlyWithinTheBoundsOfTheMargin(ResectionMargin margin, String boostGy, int boostFractions,
                                                       boolean withinBounds) {
        var result = fixture.given(planned(margin)).when(prescribe(boostGy, boostFractions, null));
        if (withinBounds) {
            result.expectEvents(prescribed(margin, Integer.parseInt(boostGy) * 100, boostFractions, null));
        } else {
            result.expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Test
    void acceptsFiftyGrayInTwentyFiveFractionsWithoutBoostForANegativeMargin() {
        fixture.given(planned(ResectionMargin.R0))
                .when(prescribe("0", 0, null))
                .expectEvents(prescribed(ResectionMargin.R0, 0, 0, null));
    }

    @Test
    void refusesTwelveGrayBoostForNegativeMargin() {
        fixture.given(planned(ResectionMargin.R0))
                .when(prescribe("12", 6, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("boost 12 Gy is outside 0 Gy permitted for margin R0 (protocol radiotherapy)")
                .expectNoEvents();
    }

    @Test
    void refusesEighteenGrayBoostForMicroscopicallyPositiveMargin() {
        fixture.given(planned(ResectionMargin.R1))
                .when(prescribe("18", 9, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("boost 18 Gy is outside 10-16 Gy permitted for margin R1 "
                        + "(protocol radiotherapy)")
                .expectNoEvents();
    }

    @Test
    void refusesABoostThatIsNotInTwoGrayFractions() {
        fixture.given(planned(ResectionMargin.R1))
                .when(prescribe("11", 5, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a boost of 11 Gy is not a whole number of fractions of 2 Gy "
                        + "(protocol radiotherapy)")
                .expectNoEvents();
    }

    @Test
    void refusesABaseDoseOtherThanFiftyGrayInTwentyFiveFractions() {
        fixture.given(planned(ResectionMargin.R0))
                .when(new Prescribe(PATIENT, START.minusDays(7), new BigDecimal("60"), 30, BigDecimal.ZERO, 0, null,
                        null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAChangeOfPrescriptionWithoutAReason() {
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null))
                .when(prescribe("16", 8, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a change of prescription needs a reason")
                .expectNoEvents();
    }

    @Test
    void changesThePrescriptionWithItsReason() {
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null))
                .when(prescribe("16", 8, "Tumour board: close margin at the neurovascular bundle"))
                .expectEvents(prescribed(ResectionMargin.R1, 1600, 8,
                        "Tumour board: close margin at the neurovascular bundle"));
    }

    // ---- fractions ----

    @Test
    void countsEachFractionInTheCourseAndItsPhase() {
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null))
                .when(deliver(START, RadiotherapyPhase.BASE))
                .expectEvents(new FractionDelivered(PATIENT_ID, START, RadiotherapyPhase.BASE, 200, 1));
    }

    @Test
    void refusesAFractionBeforeAnyPrescription() {
        fixture.given(planned(ResectionMargin.R1))
                .when(deliver(START, RadiotherapyPhase.BASE))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesAFractionAfterTheCourseIsComplete() {
        List<Object> given = course(ResectionMargin.R0, 0, 0, 25, 0);
        LocalDate last = workingDays(START, 25).get(24);
        given.add(new RadiotherapyCompleted(PATIENT_ID, last, START, 25, 5000,
                (int) ChronoUnit.DAYS.between(START, last) + 1));
        fixture.given(given)
                .when(deliver(TODAY.minusDays(1), RadiotherapyPhase.BASE))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesATwentySixthBaseFractionBeforeTheBoost() {
        fixture.given(course(ResectionMargin.R1, 1000, 5, 25, 0))
                .when(deliver(TODAY.minusDays(1), RadiotherapyPhase.BASE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the 25 base fractions prescribed are delivered: another would go beyond "
                        + "the prescription")
                .expectNoEvents();
    }

    @Test
    void refusesASecondFractionOnTheSameDay() {
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null),
                        new FractionDelivered(PATIENT_ID, START, RadiotherapyPhase.BASE, 200, 1))
                .when(deliver(START, RadiotherapyPhase.BASE))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("1 fraction(s) were delivered on " + START + "; the protocol gives 1 a day "
                        + "(protocol radiotherapy.fractionsPerDay)")
                .expectNoEvents();
    }

    @Test
    void refusesABoostBeforeTheBaseIsComplete() {
        fixture.given(course(ResectionMargin.R1, 1000, 5, 24, 0))
                .when(deliver(TODAY.minusDays(1), RadiotherapyPhase.BOOST))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the boost follows the base: 24 of 25 base fractions are delivered")
                .expectNoEvents();
    }

    @Test
    void refusesABoostWhenNoneIsPrescribed() {
        fixture.given(course(ResectionMargin.R0, 0, 0, 10, 0))
                .when(deliver(TODAY.minusDays(1), RadiotherapyPhase.BOOST))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAFractionOtherThanTwoGray() {
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null))
                .when(new DeliverFraction(PATIENT, START, new BigDecimal("1.8"), RadiotherapyPhase.BASE, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a fraction is 2 Gy (protocol radiotherapy.dosePerFractionGy)")
                .expectNoEvents();
    }

    @Test
    void completesTheCourseWhenThePrescribedDoseIsDelivered() {
        List<Object> given = course(ResectionMargin.R1, 1000, 5, 25, 4);
        LocalDate last = workingDays(START, 30).get(29);
        fixture.given(given)
                .when(deliver(last, RadiotherapyPhase.BOOST))
                .expectEvents(new FractionDelivered(PATIENT_ID, last, RadiotherapyPhase.BOOST, 200, 30),
                        new RadiotherapyCompleted(PATIENT_ID, last, START, 30, 6000,
                                (int) ChronoUnit.DAYS.between(START, last) + 1));
    }

    @Test
    void raisesAFindingForAGapOfMoreThanFiveWorkingDays() {
        LocalDate afterGap = START.plusDays(9);
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null),
                        new FractionDelivered(PATIENT_ID, START, RadiotherapyPhase.BASE, 200, 1))
                .when(deliver(afterGap, RadiotherapyPhase.BASE))
                .expectEvents(new FractionDelivered(PATIENT_ID, afterGap, RadiotherapyPhase.BASE, 200, 2),
                        new RadiotherapyFindingRaised(PATIENT_ID, "RJH", RadiotherapyFinding.TREATMENT_GAP,
                                "6 working days without a fraction between " + START + " and " + afterGap
                                        + "; the protocol tolerates 5 (protocol radiotherapy.gapToleranceWorkingDays)"));
    }

    @Test
    void aWeekendIsNoGap() {
        LocalDate monday = START.plusDays(7);
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null),
                        new FractionDelivered(PATIENT_ID, START.plusDays(4), RadiotherapyPhase.BASE, 200, 1))
                .when(deliver(monday, RadiotherapyPhase.BASE))
                .expectEvents(new FractionDelivered(PATIENT_ID, monday, RadiotherapyPhase.BASE, 200, 2));
    }

    // ---- a margin corrected after the prescription ----

    @Test
    void raisesAFindingWhenACorrectedMarginNoLongerFitsThePrescription() {
        fixture.given(planned(ResectionMargin.R0), prescribed(ResectionMargin.R0, 0, 0, null))
                .when(new PlanRadiotherapy(PATIENT, null, null, SURGERY, ResectionMargin.R1))
                .expectEvents(planned(ResectionMargin.R1), new RadiotherapyFindingRaised(PATIENT_ID, "RJH",
                        RadiotherapyFinding.PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS, "margin corrected to R1: boost 0 Gy "
                        + "is outside 10-16 Gy permitted for margin R1; re-prescribe, or confirm the prescription "
                        + "with a reason"));
    }

    @Test
    void refusesFractionsWhileTheCorrectedMarginDoesNotFitThePrescription() {
        fixture.given(planned(ResectionMargin.R0), prescribed(ResectionMargin.R0, 0, 0, null),
                        planned(ResectionMargin.R1), inQuestion())
                .when(deliver(START, RadiotherapyPhase.BASE))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void resolvesTheFindingByReprescribingForTheCorrectedMargin() {
        fixture.given(planned(ResectionMargin.R0), prescribed(ResectionMargin.R0, 0, 0, null),
                        planned(ResectionMargin.R1), inQuestion())
                .when(prescribe("10", 5, "Margin corrected to R1"))
                .expectEvents(prescribed(ResectionMargin.R1, 1000, 5, "Margin corrected to R1"));
    }

    @Test
    void resolvesTheFindingByKeepingThePrescriptionWithAReason() {
        fixture.given(planned(ResectionMargin.R0), prescribed(ResectionMargin.R0, 0, 0, null),
                        planned(ResectionMargin.R1), inQuestion())
                .when(new ConfirmPrescription(PATIENT, START, "Tumour board keeps the dose-reduced plan", null))
                .expectEvents(new PrescriptionConfirmed(PATIENT_ID, START, ResectionMargin.R1,
                        "Tumour board keeps the dose-reduced plan"));
    }

    // ---- interruptions, deviations, early stop ----

    @Test
    void recordsAnInterruptionWithTheWorkingDaysItCost() {
        fixture.given(planned(ResectionMargin.R1), prescribed(ResectionMargin.R1, 1000, 5, null))
                .when(new RecordInterruption(PATIENT, START.plusDays(4), START.plusDays(8), "Linac down", null))
                .expectEvents(new RadiotherapyInterrupted(PATIENT_ID, START.plusDays(4), START.plusDays(8),
                        "Linac down", 3));
    }

    @Test
    void recordsADeviationWithItsSeverity() {
        fixture.given(planned(ResectionMargin.R1))
                .when(new RecordDeviation(PATIENT, START, DeviationSeverity.MAJOR, "PTV under-covered by 8%", null))
                .expectEvents(new RadiotherapyDeviationRecorded(PATIENT_ID, START, DeviationSeverity.MAJOR,
                        "PTV under-covered by 8%"));
    }

    @Test
    void stopsEarlyWithWhatWasDelivered() {
        LocalDate stop = TODAY.minusDays(1);
        fixture.given(course(ResectionMargin.R1, 1000, 5, 20, 0))
                .when(new StopEarly(PATIENT, stop, "Grade 3 radiation dermatitis", null))
                .expectEvents(new RadiotherapyStoppedEarly(PATIENT_ID, stop, "Grade 3 radiation dermatitis", 20,
                        4000));
    }

    @Test
    void refusesAFractionAfterAnEarlyStop() {
        List<Object> given = course(ResectionMargin.R1, 1000, 5, 20, 0);
        given.add(new RadiotherapyStoppedEarly(PATIENT_ID, TODAY.minusDays(1), "Grade 3 radiation dermatitis", 20,
                4000));
        fixture.given(given)
                .when(deliver(TODAY, RadiotherapyPhase.BASE))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    // ---- helpers ----

    private static RadiotherapyPlanned planned(ResectionMargin margin) {
        return new RadiotherapyPlanned(PATIENT_ID, "RJH", "S-001", SURGERY, margin);
    }

    private static RadiotherapyFindingRaised inQuestion() {
        return new RadiotherapyFindingRaised(PATIENT_ID, "RJH",
                RadiotherapyFinding.PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS, "margin corrected");
    }

    private static Prescribe prescribe(String boostGy, int boostFractions, String reason) {
        return new Prescribe(PATIENT, START.minusDays(7), new BigDecimal("50.0"), 25, new BigDecimal(boostGy),
                boostFractions, reason, null);
    }

    private static RadiotherapyPrescribed prescribed(ResectionMargin margin, int boostCGy, int boostFractions,
                                                     String reason) {
        return new RadiotherapyPrescribed(PATIENT_ID, START.minusDays(7), margin, 5000, 25, boostCGy, boostFractions,
                reason);
    }

    private static DeliverFraction deliver(LocalDate on, RadiotherapyPhase phase) {
        return new DeliverFraction(PATIENT, on, new BigDecimal("2.0"), phase, null);
    }

    /** A prescribed course with {@code base} base and {@code boost} boost fractions given on working days. */
    private static List<Object> course(ResectionMargin margin, int boostCGy, int boostFractions, int base,
                                       int boost) {
        List<Object> events = new ArrayList<>(List.of(planned(margin),
                prescribed(margin, boostCGy, boostFractions, null)));
        List<LocalDate> days = workingDays(START, base + boost);
        for (int i = 0; i < base + boost; i++) {
            events.add(new FractionDelivered(PATIENT_ID, days.get(i),
                    i < base ? RadiotherapyPhase.BASE : RadiotherapyPhase.BOOST, 200, i + 1));
        }
        return events;
    }

    private static List<LocalDate> workingDays(LocalDate from, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = from; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    private MessageDispatchInterceptor<CommandMessage<?>> actingAsCurrentActor() {
        return messages -> (index, command) -> command.andMetaData(actor);
    }
}
