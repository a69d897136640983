package org.trialstream.protocol.definition;

import org.trialstream.kernel.patient.ResectionMargin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProtocolRulesTest {

    private static final LocalDate SURGERY = LocalDate.of(2025, 3, 3);
    private static final LocalDate FIRST_DOSE = SURGERY.plusDays(24);

    private final Protocol protocol = ProtocolLoader.loadDefault();
    private final Protocol twoOnOneOff = ProtocolFiles.parse(
            ProtocolFiles.bundledWith("onDays: [\"1-14\"]", "pattern: {daysOn: 2, daysOff: 1}"));

    private static RadiotherapyPrescription prescription(ResectionMargin margin, String baseGy, int fractions, String boostGy) {
        return new RadiotherapyPrescription(margin, new BigDecimal(baseGy), fractions, new BigDecimal(boostGy));
    }

    @Test
    void countsTheSurgeryDateAsStudyDayZero() {
        assertThat(protocol.studyDay(SURGERY, SURGERY)).isZero();
        assertThat(protocol.studyDay(SURGERY, SURGERY.plusDays(1))).isEqualTo(1);
        assertThat(protocol.studyDay(SURGERY, SURGERY.minusDays(3))).isEqualTo(-3);
        assertThat(protocol.studyDay(LocalDate.of(2028, 2, 28), LocalDate.of(2028, 3, 1))).as("leap day").isEqualTo(2);
    }

    @Test
    void acceptsTheFirstDoseOnStudyDaysTwentyOneToTwentyEightOnly() {
        assertThat(protocol.isInFirstDoseWindow(SURGERY, SURGERY.plusDays(20))).isFalse();
        assertThat(protocol.isInFirstDoseWindow(SURGERY, SURGERY.plusDays(21))).isTrue();
        assertThat(protocol.isInFirstDoseWindow(SURGERY, SURGERY.plusDays(28))).isTrue();
        assertThat(protocol.isInFirstDoseWindow(SURGERY, SURGERY.plusDays(29))).isFalse();
    }

    @Test
    void placesTheFirstDoseOnDayOneOfCycleOne() {
        assertThat(protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE)).isEqualTo(new CycleDay(1, 1, true));
    }

    @Test
    void startsANewCycleEveryTwentyOneDays() {
        assertThat(protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(20))).isEqualTo(new CycleDay(1, 21, false));
        assertThat(protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(21))).isEqualTo(new CycleDay(2, 1, true));
        assertThat(protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(83))).isEqualTo(new CycleDay(4, 21, false));
    }

    @Test
    void dosesOnDaysOneToFourteenAndRestsOnDaysFifteenToTwentyOne() {
        List<Boolean> onDays = IntStream.range(0, 21)
                .mapToObj(offset -> protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(offset)).onDay()).toList();

        assertThat(onDays.subList(0, 14)).containsOnly(true);
        assertThat(onDays.subList(14, 21)).containsOnly(false);
    }

    @Test
    void dosesTwoDaysOnThenOneDayOffWithTheLiteralPatternRestartingEachCycle() {
        List<Boolean> cycleOne = IntStream.range(0, 21)
                .mapToObj(offset -> twoOnOneOff.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(offset)).onDay()).toList();

        assertThat(cycleOne.subList(0, 6)).containsExactly(true, true, false, true, true, false);
        assertThat(cycleOne.get(20)).as("day 21").isFalse();
        assertThat(twoOnOneOff.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(21))).isEqualTo(new CycleDay(2, 1, true));
    }

    @Test
    void opensTheFirstDoseWindowOnStudyDayTwentyOneAndClosesItOnDayTwentyEight() {
        assertThat(protocol.anlotinib().firstDoseFrom(SURGERY)).isEqualTo(SURGERY.plusDays(21));
        assertThat(protocol.anlotinib().firstDoseTo(SURGERY)).isEqualTo(SURGERY.plusDays(28));
    }

    @Test
    void endsTheCourseOnTheLastOnDayOfTheFourthCycle() {
        assertThat(protocol.anlotinib().lastDosingDay(FIRST_DOSE)).as("day 14 of cycle 4")
                .isEqualTo(FIRST_DOSE.plusDays(3 * 21 + 13));
        assertThat(twoOnOneOff.anlotinib().lastDosingDay(FIRST_DOSE)).as("day 20 of cycle 4: day 21 is off")
                .isEqualTo(FIRST_DOSE.plusDays(3 * 21 + 19));
    }

    @Test
    void refusesACycleDayBeforeTheFirstDose() {
        assertThatThrownBy(() -> protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the first dose");
    }

    @Test
    void refusesACycleDayAfterTheFourPlannedCycles() {
        assertThatThrownBy(() -> protocol.cycleDayOf(FIRST_DOSE, FIRST_DOSE.plusDays(84)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("after the 4 planned cycles of 21 days");
    }

    @Test
    void reducesTwelveMilligramsToTenAndTenToEight() {
        assertThat(protocol.nextLowerDose(12)).isEqualTo(new DoseStep.ReduceTo(10));
        assertThat(protocol.nextLowerDose(10)).isEqualTo(new DoseStep.ReduceTo(8));
    }

    @Test
    void stopsAnlotinibForGoodWhenEightMilligramsIsNotTolerated() {
        assertThat(protocol.nextLowerDose(8)).isEqualTo(new DoseStep.Stop());
    }

    @Test
    void refusesToStepDownFromADoseThatIsNotAProtocolLevel() {
        assertThatThrownBy(() -> protocol.nextLowerDose(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 mg is not a protocol dose level; the levels are [12, 10, 8] mg");
    }

    @Test
    void plansOneCapsulePerOnDayFourteenPerCycleOnDaysOneToFourteen() {
        assertThat(protocol.plannedTabletsPerCycle()).isEqualTo(14);
    }

    @Test
    void plansOneCapsulePerOnDayFourteenPerCycleOnTwoDaysOnOneDayOff() {
        assertThat(twoOnOneOff.plannedTabletsPerCycle()).isEqualTo(14);
    }

    @Test
    void plansTabletsFromWhateverOnDaysTheFileGives() {
        Protocol split = ProtocolFiles.parse(ProtocolFiles.bundledWith("onDays: [\"1-14\"]", "onDays: [\"1-7\", \"15-17\"]"));

        assertThat(split.plannedTabletsPerCycle()).isEqualTo(10);
        assertThat(split.anlotinib().plannedDoseMg(4)).isEqualTo(12 * 10 * 4);
    }

    @Test
    void measuresDoseIntensityAsMilligramsDeliveredOverMilligramsPlannedAtTheStartDose() {
        assertThat(protocol.anlotinib().plannedDoseMg(4)).isEqualTo(672);
        assertThat(protocol.doseIntensity(672)).isEqualTo(new BigDecimal("1.0000"));
        assertThat(protocol.doseIntensity(12 * 14 * 2 + 10 * 14 * 2)).as("reduced to 10 mg after cycle 2")
                .isEqualTo(new BigDecimal("0.9167"));
        assertThat(protocol.doseIntensity(0)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void measuresDoseIntensityOverTheCyclesPlannedSoFar() {
        assertThat(protocol.anlotinib().doseIntensity(12 * 12, 1)).isEqualTo(new BigDecimal("0.8571"));
        assertThat(protocol.anlotinib().doseIntensity(336, 2)).isEqualTo(new BigDecimal("1.0000"));
    }

    @Test
    void refusesDoseIntensityForANegativeDoseOrCyclesOutsideTheCourse() {
        assertThatThrownBy(() -> protocol.doseIntensity(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> protocol.anlotinib().doseIntensity(100, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("planned cycles must be 1 to 4");
        assertThatThrownBy(() -> protocol.anlotinib().doseIntensity(100, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesOneFractionADayAndToleratesFiveWorkingDaysWithoutOne() {
        assertThat(protocol.radiotherapy().fractionsPerDay()).isEqualTo(1);
        assertThat(protocol.radiotherapy().gapToleranceWorkingDays()).isEqualTo(5);
    }

    @Test
    void countsABoostInFractionsOfTwoGray() {
        assertThat(protocol.radiotherapy().fractionsOf(new BigDecimal("10"))).isEqualTo(5);
        assertThat(protocol.radiotherapy().fractionsOf(new BigDecimal("18.0"))).isEqualTo(9);
        assertThat(protocol.radiotherapy().fractionsOf(new BigDecimal("11"))).as("not whole fractions").isEqualTo(-1);
    }

    @Test
    void acceptsFiftyGrayInTwentyFiveFractionsWithoutBoostForANegativeMargin() {
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R0, "50", 25, "0")).withinBounds()).isTrue();
    }

    @Test
    void refusesAnyBoostForANegativeMargin() {
        PrescriptionCheck check = protocol.checkPrescription(prescription(ResectionMargin.R0, "50", 25, "2"));

        assertThat(check.withinBounds()).isFalse();
        assertThat(check.reasons()).containsExactly("boost 2 Gy is outside 0 Gy permitted for margin R0");
    }

    @Test
    void acceptsABoostOfTenToSixteenGrayForAMicroscopicallyPositiveMargin() {
        for (String boost : List.of("10", "13.5", "16.0")) {
            assertThat(protocol.checkPrescription(prescription(ResectionMargin.R1, "50.0", 25, boost)).withinBounds())
                    .as("R1 boost %s Gy", boost).isTrue();
        }
    }

    @Test
    void refusesABoostOutsideTenToSixteenGrayForAMicroscopicallyPositiveMargin() {
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R1, "50", 25, "9.9")).reasons())
                .containsExactly("boost 9.9 Gy is outside 10-16 Gy permitted for margin R1");
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R1, "50", 25, "0")).withinBounds()).isFalse();
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R1, "50", 25, "16.1")).withinBounds()).isFalse();
    }

    @Test
    void acceptsABoostOfSixteenToEighteenGrayForAGrosslyPositiveMargin() {
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R2, "50", 25, "16")).withinBounds()).isTrue();
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R2, "50", 25, "18")).withinBounds()).isTrue();
    }

    @Test
    void refusesABoostOutsideSixteenToEighteenGrayForAGrosslyPositiveMargin() {
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R2, "50", 25, "14")).reasons())
                .containsExactly("boost 14 Gy is outside 16-18 Gy permitted for margin R2");
        assertThat(protocol.checkPrescription(prescription(ResectionMargin.R2, "50", 25, "18.5")).withinBounds()).isFalse();
    }

    @Test
    void refusesABaseDoseOtherThanFiftyGray() {
        PrescriptionCheck check = protocol.checkPrescription(prescription(ResectionMargin.R0, "60", 25, "0"));

        assertThat(check.reasons()).containsExactly(
                "base dose 60 Gy differs from the protocol's 50 Gy",
                "dose per fraction 2.4 Gy differs from the protocol's 2 Gy");
    }

    @Test
    void refusesAFractionationOtherThanTwentyFiveFractionsOfTwoGray() {
        PrescriptionCheck check = protocol.checkPrescription(prescription(ResectionMargin.R1, "50", 20, "12"));

        assertThat(check.reasons()).containsExactly(
                "20 base fractions differ from the protocol's 25",
                "dose per fraction 2.5 Gy differs from the protocol's 2 Gy");
    }

    @Test
    void givesOneReasonForEachBrokenPrescriptionRule() {
        PrescriptionCheck check = protocol.checkPrescription(prescription(ResectionMargin.R2, "45", 0, "20"));

        assertThat(check.reasons()).containsExactly(
                "base dose 45 Gy differs from the protocol's 50 Gy",
                "0 base fractions differ from the protocol's 25",
                "a prescription needs at least one fraction",
                "boost 20 Gy is outside 16-18 Gy permitted for margin R2");
    }

    @Test
    void schedulesTwelveFollowUpVisitsEveryThreeMonthsToMonthThirtySix() {
        List<FollowUpVisit> visits = protocol.followUpVisitsDue(SURGERY);

        assertThat(visits).extracting(FollowUpVisit::month)
                .containsExactly(3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36);
        assertThat(visits).extracting(FollowUpVisit::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
        assertThat(visits.get(0)).isEqualTo(new FollowUpVisit(1, 3, LocalDate.of(2025, 6, 3),
                LocalDate.of(2025, 5, 20), LocalDate.of(2025, 6, 17)));
        assertThat(visits.get(11).due()).isEqualTo(LocalDate.of(2028, 3, 3));
    }

    @Test
    void countsEachFollowUpVisitFromSurgerySoThatMonthEndsDoNotDrift() {
        List<FollowUpVisit> visits = protocol.followUpVisitsDue(LocalDate.of(2025, 11, 30));

        assertThat(visits.get(0).due()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(visits.get(1).due()).isEqualTo(LocalDate.of(2026, 5, 30));
    }

    @Test
    void acceptsAVisitWithinFourteenDaysOfItsDueDate() {
        FollowUpVisit first = protocol.followUpVisitsDue(SURGERY).get(0);

        assertThat(first.isInWindow(first.due().minusDays(14))).isTrue();
        assertThat(first.isInWindow(first.due().plusDays(14))).isTrue();
        assertThat(first.isInWindow(first.due().minusDays(15))).isFalse();
        assertThat(first.isInWindow(first.due().plusDays(15))).isFalse();
    }

    @Test
    void hasRoomForEnrolmentUntilTheFortyFirstPatient() {
        assertThat(protocol.enrolment().hasRoomFor(40)).isTrue();
        assertThat(protocol.enrolment().hasRoomFor(41)).isFalse();
    }
}
