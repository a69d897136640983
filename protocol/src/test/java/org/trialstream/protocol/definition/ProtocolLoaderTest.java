package org.trialstream.protocol.definition;

import org.trialstream.kernel.patient.ResectionMargin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstream.protocol.definition.ProtocolFiles.bundled;
import static org.trialstream.protocol.definition.ProtocolFiles.bundledWith;
import static org.trialstream.protocol.definition.ProtocolFiles.parse;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstream.protocol.definition.EndpointDefinitions.EventType;
import org.trialstream.protocol.definition.EndpointDefinitions.TimeOrigin;

class ProtocolLoaderTest {

    private final Protocol protocol = ProtocolLoader.loadDefault();

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String yaml, String keyPath, String problem) {
        return assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining(keyPath + ": " + problem)
                .satisfies(e -> assertThat(((InvalidProtocolException) e).keyPath()).isEqualTo(keyPath));
    }

    @Test
    void loadsTheBundledProtocolWithItsIdAndVersion() {
        assertThat(protocol.id()).isEqualTo("anlotinib-sts-ii");
        assertThat(protocol.version()).isEqualTo(1);
        assertThat(protocol.title()).contains("Anlotinib");
    }

    @Test
    void capsEnrolmentAtFortyOnePatients() {
        assertThat(protocol.enrolment().cap()).isEqualTo(41);
    }

    @Test
    void datesNoClinicalFactBeforeTheStudysFloor() {
        assertThat(protocol.enrolment().clinicalDatesFrom()).isEqualTo(java.time.LocalDate.of(2020, 1, 1));
    }

    @Test
    void refusesAClinicalDateFloorThatIsNotADate() {
        assertRefused(bundledWith("clinicalDatesFrom: 2020-01-01", "clinicalDatesFrom: soon"),
                "enrolment.clinicalDatesFrom", "must be a date written YYYY-MM-DD, was 'soon'");
    }

    @Test
    void startsAnlotinibAtTwelveMilligramsWithTheLadderTwelveTenEight() {
        assertThat(protocol.anlotinib().startDoseMg()).isEqualTo(12);
        assertThat(protocol.anlotinib().doseLevelsMg()).containsExactly(12, 10, 8);
    }

    @Test
    void givesFourCyclesOfTwentyOneDays() {
        assertThat(protocol.anlotinib().cycleLengthDays()).isEqualTo(21);
        assertThat(protocol.anlotinib().cycles()).isEqualTo(4);
    }

    @Test
    void dosesOnDaysOneToFourteenOfEachCycleByDefault() {
        assertThat(protocol.anlotinib().schedule())
                .isEqualTo(new DosingSchedule.OnDays(List.of(new DayRange(1, 14))));
    }

    @Test
    void expressesTheRecordsLiteralTwoDaysOnOneDayOffInTheFileAlone() {
        Protocol literal = parse(bundledWith("onDays: [\"1-14\"]", "pattern: {daysOn: 2, daysOff: 1}"));

        assertThat(literal.anlotinib().schedule()).isEqualTo(new DosingSchedule.RepeatingPattern(2, 1));
    }

    @Test
    void readsSingleDaysAndSeveralRangesAsOnDays() {
        Protocol split = parse(bundledWith("onDays: [\"1-14\"]", "onDays: [1, \"3-5\", 8-9]"));

        assertThat(split.anlotinib().schedule()).isEqualTo(new DosingSchedule.OnDays(
                List.of(new DayRange(1, 1), new DayRange(3, 5), new DayRange(8, 9))));
    }

    @Test
    void allowsTheFirstDoseOnStudyDaysTwentyOneToTwentyEight() {
        assertThat(protocol.anlotinib().firstDose()).isEqualTo(new FirstDoseWindow(21, 28));
    }

    @Test
    void prescribesFiftyGrayInTwentyFiveFractionsOfTwoGray() {
        RadiotherapyRules radiotherapy = protocol.radiotherapy();

        assertThat(radiotherapy.baseDoseGy()).isEqualByComparingTo("50");
        assertThat(radiotherapy.fractions()).isEqualTo(25);
        assertThat(radiotherapy.dosePerFractionGy()).isEqualByComparingTo("2.0");
    }

    @Test
    void boostsNothingForR0TenToSixteenGrayForR1AndSixteenToEighteenGrayForR2() {
        RadiotherapyRules radiotherapy = protocol.radiotherapy();

        assertThat(radiotherapy.boostFor(ResectionMargin.R0)).isEqualTo(range("0", "0"));
        assertThat(radiotherapy.boostFor(ResectionMargin.R1)).isEqualTo(range("10", "16"));
        assertThat(radiotherapy.boostFor(ResectionMargin.R2)).isEqualTo(range("16", "18"));
    }

    private static BoostRange range(String min, String max) {
        return new BoostRange(new BigDecimal(min), new BigDecimal(max));
    }

    @Test
    void followsUpEveryThreeMonthsWithAFourteenDayWindowToMonthThirtySixAsASetting() {
        assertThat(protocol.followUp())
                .isEqualTo(new FollowUpSchedule(FollowUpSchedule.Basis.SETTING, 3, 14, 36));
    }

    @Test
    void measuresLrfsMfsAndOsFromSurgeryOverThirtySixMonths() {
        EndpointDefinitions endpoints = protocol.endpoints();

        assertThat(endpoints.timeOrigin()).isEqualTo(TimeOrigin.SURGERY);
        assertThat(endpoints.horizonMonths()).isEqualTo(36);
        assertThat(endpoints.lrfs().event()).isEqualTo(EventType.LOCAL_RECURRENCE_ON_IMAGING);
        assertThat(endpoints.mfs().event()).isEqualTo(EventType.METASTASIS_ON_IMAGING);
        assertThat(endpoints.os().event()).isEqualTo(EventType.DEATH);
        assertThat(endpoints.lrfs().name()).isEqualTo("Local recurrence-free survival");
    }

    @Test
    void countsMonthsAsDaysOverThirtyPointFourThreeSevenFiveAndNoDeathAsAnLrfsEvent() {
        assertThat(protocol.endpoints().daysPerMonth()).isEqualTo(30.4375);
        assertThat(protocol.endpoints().lrfs().deathIsEvent()).isFalse();
        assertThat(protocol.endpoints().os().deathIsEvent()).isFalse();
    }

    @Test
    void countsADeathAsAnLrfsEventWhenTheFileSaysSo() {
        Protocol option = parse(bundledWith("deathIsEvent: false", "deathIsEvent: true"));

        assertThat(option.endpoints().lrfs().deathIsEvent()).isTrue();
    }

    @Test
    void refusesAMonthLengthThatIsNoMonth() {
        assertRefused(bundledWith("daysPerMonth: 30.4375", "daysPerMonth: 7"), "endpoints.daysPerMonth",
                "must be a month's length in days (28-31), was 7");
    }

    @Test
    void loadsAProtocolFileFromDisk(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("protocol.yaml"), bundledWith("version: 1", "version: 2"));

        assertThat(ProtocolLoader.load(file).version()).isEqualTo(2);
    }

    @Test
    void stopsStartUpWhenTheProtocolFileIsMissing(@TempDir Path dir) {
        assertThatThrownBy(() -> ProtocolLoader.load(dir.resolve("absent.yaml")))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("absent.yaml")
                .hasMessageContaining("file not found");
    }

    @Test
    void stopsStartUpWhenTheFileIsNotYaml() {
        assertThatThrownBy(() -> parse("id: [unclosed"))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> parse("- just\n- a list\n"))
                .isInstanceOf(InvalidProtocolException.class)
                .hasMessageContaining("must be a YAML mapping");
    }

    @Test
    void refusesAMissingRequiredKey() {
        assertRefused(bundledWith("  cycles: 4\n", ""), "anlotinib.cycles", "is required");
        assertRefused(bundledWith("  cap: 41\n", ""), "enrolment.cap", "is required");
        assertRefused(bundled().replaceFirst("(?m)^version: 1\\n", ""), "version", "is required");
    }

    @Test
    void refusesAnUnknownKeySoThatATypoIsNotIgnored() {
        assertRefused(bundledWith("  cycles: 4", "  cycles: 4\n  cylces: 5"), "anlotinib.cylces", "unknown key");
    }

    @Test
    void refusesATextWhereANumberIsExpected() {
        assertRefused(bundledWith("  cycles: 4", "  cycles: four"), "anlotinib.cycles", "must be a whole number");
        assertRefused(bundledWith("  fractions: 25", "  fractions: 25.5"), "radiotherapy.fractions",
                "must be a whole number");
    }

    @Test
    void refusesAnEnrolmentCapBelowOne() {
        assertRefused(bundledWith("cap: 41", "cap: 0"), "enrolment.cap", "must be at least 1");
    }

    @Test
    void refusesOnDaysOutsideTheCycle() {
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: [\"1-22\"]"),
                "anlotinib.schedule.onDays", "must lie within the 21-day cycle");
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: [0]"),
                "anlotinib.schedule.onDays", "must lie within the 21-day cycle");
    }

    @Test
    void refusesOverlappingOnDayRanges() {
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: [\"1-7\", \"5-9\"]"),
                "anlotinib.schedule.onDays", "ranges 1-7 and 5-9 overlap");
    }

    @Test
    void refusesAnOnDayEntryThatIsNotADayOrRange() {
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: [\"first week\"]"),
                "anlotinib.schedule.onDays", "'first week' is not a day or a day range");
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: [\"14-1\"]"),
                "anlotinib.schedule.onDays", "'14-1' ends before it starts");
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: []"),
                "anlotinib.schedule.onDays", "must not be empty");
    }

    @Test
    void refusesAScheduleWithBothOrNeitherOfOnDaysAndPattern() {
        assertRefused(bundledWith("onDays: [\"1-14\"]", "onDays: [\"1-14\"]\n    pattern: {daysOn: 2, daysOff: 1}"),
                "anlotinib.schedule", "give exactly one of onDays");
        assertRefused(bundledWith("    onDays: [\"1-14\"]\n", "    {}\n"),
                "anlotinib.schedule", "give exactly one of onDays");
    }

    @Test
    void refusesAPatternBlockLongerThanTheCycle() {
        assertRefused(bundledWith("onDays: [\"1-14\"]", "pattern: {daysOn: 20, daysOff: 2}"),
                "anlotinib.schedule.pattern", "a block of 20 on and 2 off days must fit in the 21-day cycle");
        assertRefused(bundledWith("onDays: [\"1-14\"]", "pattern: {daysOn: 0, daysOff: 1}"),
                "anlotinib.schedule.pattern.daysOn", "must be at least 1");
    }

    @Test
    void refusesADoseLadderThatDoesNotGoDown() {
        assertRefused(bundledWith("doseLevelsMg: [12, 10, 8]", "doseLevelsMg: [12, 8, 10]"),
                "anlotinib.doseLevelsMg", "levels must go down one step at a time");
        assertRefused(bundledWith("doseLevelsMg: [12, 10, 8]", "doseLevelsMg: [12, 10, 0]"),
                "anlotinib.doseLevelsMg", "'0' is not a whole, positive number of milligrams");
    }

    @Test
    void refusesAStartDoseThatIsNotTheTopOfTheLadder() {
        assertRefused(bundledWith("startDoseMg: 12", "startDoseMg: 10"),
                "anlotinib.startDoseMg", "must be the first level of doseLevelsMg (12 mg)");
    }

    @Test
    void refusesAFirstDoseWindowThatEndsBeforeItStartsOrBeginsBeforeSurgery() {
        assertRefused(bundledWith("toStudyDay: 28", "toStudyDay: 20"),
                "anlotinib.firstDose.toStudyDay", "must not be before fromStudyDay (21)");
        assertRefused(bundledWith("fromStudyDay: 21", "fromStudyDay: 0"),
                "anlotinib.firstDose.fromStudyDay", "must be at least 1");
    }

    @Test
    void refusesABaseDoseThatIsNotFractionsTimesDosePerFraction() {
        assertRefused(bundledWith("dosePerFractionGy: 2.0", "dosePerFractionGy: 1.8"),
                "radiotherapy.baseDoseGy", "50 Gy is not 25 fractions of 1.8 Gy");
    }

    @Test
    void refusesABoostRangeWhoseMaximumIsBelowItsMinimum() {
        assertRefused(bundledWith("R1: {minGy: 10, maxGy: 16}", "R1: {minGy: 16, maxGy: 10}"),
                "radiotherapy.boostGyByMargin.R1.maxGy", "must not be below minGy (16 Gy)");
        assertRefused(bundledWith("R2: {minGy: 16, maxGy: 18}", "R2: {minGy: -1, maxGy: 18}"),
                "radiotherapy.boostGyByMargin.R2.minGy", "must not be negative");
    }

    @Test
    void refusesABoostTableWithoutEveryMargin() {
        assertRefused(bundledWith("    R2: {minGy: 16, maxGy: 18}\n", ""),
                "radiotherapy.boostGyByMargin.R2", "is required");
        assertRefused(bundledWith("R2: {minGy: 16, maxGy: 18}", "R2: {minGy: 16, maxGy: 18}\n    R3: {minGy: 0, maxGy: 1}"),
                "radiotherapy.boostGyByMargin.R3", "unknown key");
    }

    @Test
    void refusesAFollowUpThatEndsBeforeTheEndpointHorizon() {
        assertRefused(bundledWith("untilMonth: 36", "untilMonth: 24"),
                "followUp.untilMonth", "must reach the endpoint horizon (month 36)");
    }

    @Test
    void refusesFollowUpWindowsThatOverlap() {
        assertRefused(bundledWith("windowDays: 14", "windowDays: 45"),
                "followUp.windowDays", "windows of +/-45 days around visits every 3 month(s) would overlap");
    }

    @Test
    void refusesAFollowUpBasisOtherThanProtocolOrSetting() {
        assertRefused(bundledWith("basis: setting", "basis: guess"),
                "followUp.basis", "'guess' is not one of protocol, setting");
    }

    @Test
    void refusesAnUnknownEndpointEventOrOrigin() {
        assertRefused(bundledWith("event: death", "event: progression"),
                "endpoints.os.event", "'progression' is not one of local-recurrence-on-imaging, metastasis-on-imaging, death");
        assertRefused(bundledWith("timeOrigin: surgery", "timeOrigin: randomisation"),
                "endpoints.timeOrigin", "'randomisation' is not one of surgery");
    }

    @Test
    void refusesAMissingProtocolIdOrAVersionBelowOne() {
        assertRefused(bundledWith("id: anlotinib-sts-ii", "id: \"\""), "id", "must be a non-empty text");
        assertRefused(bundledWith("version: 1", "version: 0"), "version", "must be at least 1");
    }
}
