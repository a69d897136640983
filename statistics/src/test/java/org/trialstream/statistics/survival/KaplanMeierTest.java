package org.trialstream.statistics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstream.statistics.survival.Observation.censored;
import static org.trialstream.statistics.survival.Observation.event;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KaplanMeierTest {

    private static Map<String, List<Observation>> gehan;

    @BeforeAll
    static void readGehanData() {
        gehan = GehanData.groups();
    }

    static Stream<String[]> publishedGehanRows() throws IOException {
        return Files.readAllLines(SharedData.file("data/km/gehan_expected.csv")).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","));
    }

    @ParameterizedTest(name = "{0} at week {1}")
    @MethodSource("publishedGehanRows")
    void reproducesThePublishedGehanEstimateAtEachEventTime(String group, String time, String nRisk, String nEvent,
                                                            String survival, String stdErr, String lower, String upper) {
        SurvivalRow row = KaplanMeier.estimate(gehan.get(group)).eventRows().stream()
                .filter(r -> r.time() == Double.parseDouble(time))
                .findFirst().orElseThrow(() -> new AssertionError("no event row at " + time));

        assertThat(row.nRisk()).isEqualTo(Integer.parseInt(nRisk));
        assertThat(row.nEvent()).isEqualTo(Integer.parseInt(nEvent));
        PublishedValue.assertMatches("surv", row.survival(), survival);
        PublishedValue.assertMatches("std_err", row.stdErr(), stdErr);
        PublishedValue.assertMatches("lower95", row.lower95(), lower);
        PublishedValue.assertMatches("upper95", row.upper95(), upper);
    }

    @Test
    void listsExactlyThePublishedEventTimesForEachGehanGroup() throws IOException {
        for (String group : List.of("6-MP", "placebo")) {
            List<Double> published = publishedGehanRows().filter(r -> r[0].equals(group))
                    .map(r -> Double.parseDouble(r[1])).toList();
            assertThat(KaplanMeier.estimate(gehan.get(group)).eventRows()).extracting(SurvivalRow::time)
                    .as(group).containsExactlyElementsOf(published);
        }
    }

    @Test
    void countsEventsBeforeCensoringsAtTiedTimes() {
        SurvivalCurve curve = KaplanMeier.estimate(GehanData.sixMp());

        SurvivalRow week6 = curve.rows().get(0);
        assertThat(week6.time()).isEqualTo(6);
        assertThat(week6.nRisk()).isEqualTo(21);
        assertThat(week6.nEvent()).isEqualTo(3);
        assertThat(week6.nCensor()).isEqualTo(1);
        assertThat(week6.survival()).isCloseTo(18.0 / 21, within(1e-15));
        assertThat(curve.rows().get(1).nRisk()).as("at risk at week 7").isEqualTo(17);
    }

    @Test
    void keepsSubjectsCensoredAtAnEventTimeAtRiskAtThatTime() {
        SurvivalCurve censorFirstInInput = KaplanMeier.estimate(List.of(censored(2), event(2), event(3)));

        assertThat(censorFirstInInput.rows().get(0).nRisk()).isEqualTo(3);
        assertThat(censorFirstInInput.rows().get(0).survival()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(censorFirstInInput.rows().get(1).survival()).isZero();
    }

    @Test
    void estimatesTiedEventsAsOneStep() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(event(4), event(4), event(4), event(9), censored(12)));

        assertThat(curve.rows()).hasSize(3);
        assertThat(curve.rows().get(0).nEvent()).isEqualTo(3);
        assertThat(curve.rows().get(0).survival()).isCloseTo(0.4, within(1e-15));
        assertThat(curve.rows().get(1).survival()).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void usesTheGreenwoodStandardErrorOfSurvivalNotOfLogSurvival() {
        SurvivalRow week7 = KaplanMeier.estimate(GehanData.sixMp()).eventRows().get(1);
        double greenwoodSum = 3.0 / (21 * 18) + 1.0 / (17 * 16);
        double survival = (18.0 / 21) * (16.0 / 17);

        assertThat(week7.stdErr()).isCloseTo(survival * Math.sqrt(greenwoodSum), within(1e-15));
    }

    @Test
    void takesTheNinetyFivePercentIntervalOnTheLogScale() {
        SurvivalRow week7 = KaplanMeier.estimate(GehanData.sixMp()).eventRows().get(1);
        double seLog = Math.sqrt(3.0 / (21 * 18) + 1.0 / (17 * 16));

        assertThat(week7.lower95()).isCloseTo(week7.survival() * Math.exp(-1.959963984540054 * seLog), within(1e-15));
        assertThat(week7.upper95()).isCloseTo(week7.survival() * Math.exp(1.959963984540054 * seLog), within(1e-15));
    }

    @Test
    void capsTheUpperConfidenceBoundAtOne() {
        SurvivalRow week6 = KaplanMeier.estimate(GehanData.sixMp()).eventRows().get(0);

        assertThat(week6.survival() * Math.exp(1.959963984540054 * week6.stdErr() / week6.survival())).isGreaterThan(1);
        assertThat(week6.upper95()).isEqualTo(1.0);
    }

    @Test
    void leavesStandardErrorAndIntervalUndefinedOnceSurvivalReachesZero() {
        List<SurvivalRow> placebo = KaplanMeier.estimate(GehanData.placebo()).eventRows();
        SurvivalRow last = placebo.get(placebo.size() - 1);

        assertThat(last.time()).isEqualTo(23);
        assertThat(last.survival()).isZero();
        assertThat(last.stdErr()).isNaN();
        assertThat(last.lower95()).isNaN();
        assertThat(last.upper95()).isNaN();
    }

    @Test
    void takesTheMedianAsTheFirstTimeWithSurvivalAtOrBelowOneHalf() {
        assertThat(KaplanMeier.estimate(GehanData.sixMp()).median().value()).isEqualTo(23);
        assertThat(KaplanMeier.estimate(GehanData.placebo()).median().value()).isEqualTo(8);
    }

    @Test
    void takesTheMedianIntervalFromWhereTheConfidenceCurvesCrossOneHalf() {
        QuantileEstimate sixMp = KaplanMeier.estimate(GehanData.sixMp()).median();
        QuantileEstimate placebo = KaplanMeier.estimate(GehanData.placebo()).median();

        assertThat(sixMp.lower95()).isEqualTo(16);
        assertThat(sixMp.hasUpperBound()).as("6-MP upper curve never reaches 0.5").isFalse();
        assertThat(placebo.lower95()).isEqualTo(4);
        assertThat(placebo.upper95()).isEqualTo(12);
    }

    @Test
    void takesTheMidpointOfAFlatWhenSurvivalIsExactlyOneHalf() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(event(1), event(2), event(3), event(4)));

        assertThat(curve.median().value()).isEqualTo(2.5);
    }

    @Test
    void takesTheMidpointToTheLastFollowUpWhenTheCurveEndsFlatAtOneHalf() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(event(1), event(2), censored(3), censored(4)));

        assertThat(curve.median().value()).isEqualTo(3);
    }

    @Test
    void leavesTheMedianUndefinedWhenSurvivalNeverFallsToOneHalf() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(event(1), censored(2), censored(3), censored(4)));

        assertThat(curve.median().isReached()).isFalse();
        assertThat(curve.median().lower95()).as("the lower curve does cross 0.5").isEqualTo(1);
        assertThat(curve.median().hasUpperBound()).isFalse();
    }

    @Test
    void refusesToEstimateACurveWithoutObservations() {
        assertThatThrownBy(() -> KaplanMeier.estimate(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one observation");
    }

    @Test
    void keepsSurvivalAtOneWithAZeroWidthIntervalWhenThereAreNoEvents() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(censored(3), censored(5), censored(5), censored(8)));

        assertThat(curve.events()).isZero();
        assertThat(curve.eventRows()).isEmpty();
        assertThat(curve.rows()).extracting(SurvivalRow::time).containsExactly(3.0, 5.0, 8.0);
        assertThat(curve.rows()).allSatisfy(row -> {
            assertThat(row.survival()).isEqualTo(1.0);
            assertThat(row.stdErr()).isZero();
            assertThat(row.lower95()).isEqualTo(1.0);
            assertThat(row.upper95()).isEqualTo(1.0);
        });
        assertThat(curve.median().isReached()).isFalse();
    }

    @Test
    void reportsAllCensoredSubjectsAtRiskUntilTheirLastFollowUp() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(censored(3), censored(5), censored(5), censored(8)));

        assertThat(curve.rows()).extracting(SurvivalRow::nRisk).containsExactly(4, 3, 1);
        assertThat(curve.rows()).extracting(SurvivalRow::nCensor).containsExactly(1, 2, 1);
        assertThat(curve.survivalAt(6)).hasValueSatisfying(at -> {
            assertThat(at.survival()).isEqualTo(1.0);
            assertThat(at.nRisk()).isEqualTo(1);
        });
    }

    @Test
    void dropsToZeroWithUndefinedErrorForASingleSubjectWithAnEvent() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(event(7)));

        SurvivalRow only = curve.rows().get(0);
        assertThat(only.nRisk()).isEqualTo(1);
        assertThat(only.survival()).isZero();
        assertThat(only.stdErr()).isNaN();
        assertThat(curve.median().value()).isEqualTo(7);
        assertThat(curve.median().hasLowerBound()).isFalse();
        assertThat(curve.median().hasUpperBound()).isFalse();
    }

    @Test
    void staysAtOneForASingleCensoredSubject() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(censored(7)));

        assertThat(curve.rows()).singleElement().satisfies(row -> {
            assertThat(row.survival()).isEqualTo(1.0);
            assertThat(row.stdErr()).isZero();
        });
        assertThat(curve.median().isReached()).isFalse();
    }

    @Test
    void readsSurvivalAtTwelveTwentyFourAndThirtySixMonthsFromTheStepInForce() {
        SurvivalCurve curve = KaplanMeier.estimate(List.of(
                event(6), event(12), censored(18), event(20), censored(30), event(33), censored(40)));

        List<SurvivalEstimate> rates = curve.survivalAt(12, 24, 36);

        assertThat(rates).extracting(SurvivalEstimate::time).containsExactly(12.0, 24.0, 36.0);
        assertThat(rates.get(0).survival()).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(rates.get(1).survival()).isCloseTo(5.0 / 7 * 3 / 4, within(1e-15));
        assertThat(rates.get(2).survival()).isCloseTo(5.0 / 7 * 3 / 4 / 2, within(1e-15));
        assertThat(rates.get(1).stdErr()).isEqualTo(curve.rows().get(3).stdErr());
        assertThat(rates.get(1).lower95()).isEqualTo(curve.rows().get(3).lower95());
    }

    @Test
    void reportsSurvivalOfOneBeforeTheFirstEvent() {
        SurvivalCurve curve = KaplanMeier.estimate(GehanData.sixMp());

        assertThat(curve.survivalAt(5)).hasValue(new SurvivalEstimate(5, 21, 1.0, 0.0, 1.0, 1.0));
    }

    @Test
    void leavesSurvivalBeyondTheLastFollowUpUnestimated() {
        SurvivalCurve curve = KaplanMeier.estimate(GehanData.sixMp());

        assertThat(curve.survivalAt(35)).isPresent();
        assertThat(curve.survivalAt(36)).isEmpty();
        assertThat(curve.survivalAt(12, 24, 36)).extracting(SurvivalEstimate::time).containsExactly(12.0, 24.0);
    }

    @Test
    void countsSubjectsAtRiskAsThoseFollowedUpToAtLeastTheGivenTime() {
        SurvivalCurve curve = KaplanMeier.estimate(GehanData.sixMp());

        assertThat(curve.numberAtRisk(0)).isEqualTo(21);
        assertThat(curve.numberAtRisk(6)).isEqualTo(21);
        assertThat(curve.numberAtRisk(6.5)).isEqualTo(17);
        assertThat(curve.numberAtRisk(12)).isEqualTo(12);
        assertThat(curve.numberAtRisk(24)).isEqualTo(5);
        assertThat(curve.numberAtRisk(35)).isEqualTo(1);
        assertThat(curve.numberAtRisk(36)).isZero();
        assertThat(curve.survivalAt(24)).hasValueSatisfying(at -> assertThat(at.nRisk()).isEqualTo(5));
    }

    @Test
    void refusesANegativeOrNonFiniteTime() {
        assertThatThrownBy(() -> event(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> censored(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
