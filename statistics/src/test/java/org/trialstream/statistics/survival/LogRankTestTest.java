package org.trialstream.statistics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstream.statistics.survival.Observation.censored;
import static org.trialstream.statistics.survival.Observation.event;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogRankTestTest {

    @Test
    void reproducesTheGehanObservedAndExpectedEvents() {
        LogRankResult result = LogRankTest.compare(GehanData.sixMp(), GehanData.placebo());

        assertThat(result.observedFirst()).isEqualTo(9);
        assertThat(result.observedSecond()).isEqualTo(21);
        PublishedValue.assertMatches("expected 6-MP", result.expectedFirst(), "19.25");
        PublishedValue.assertMatches("expected placebo", result.expectedSecond(), "10.75");
    }

    @Test
    void reproducesTheGehanChiSquareOnOneDegreeOfFreedomAndItsP() {
        LogRankResult result = LogRankTest.compare(GehanData.sixMp(), GehanData.placebo());

        PublishedValue.assertMatches("chi-square", result.chiSquare(), "16.79");
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.p()).isCloseTo(4.2e-5, within(0.05e-5));
    }

    @Test
    void givesTheSameStatisticWhicheverGroupComesFirst() {
        LogRankResult forward = LogRankTest.compare(GehanData.sixMp(), GehanData.placebo());
        LogRankResult reversed = LogRankTest.compare(GehanData.placebo(), GehanData.sixMp());

        assertThat(reversed.chiSquare()).isCloseTo(forward.chiSquare(), within(1e-12));
        assertThat(reversed.expectedFirst()).isCloseTo(forward.expectedSecond(), within(1e-12));
    }

    @Test
    void countsSubjectsFromBothGroupsAtRiskAtTiedEventTimes() {
        LogRankResult result = LogRankTest.compare(List.of(event(1), event(2)), List.of(event(1), censored(2)));

        assertThat(result.expectedFirst()).isCloseTo(2.0 / 4 * 2 + 1.0 / 2 * 1, within(1e-15));
        assertThat(result.variance()).isCloseTo(2.0 * 2 * 2 * 2 / (16 * 3) + 1.0 * 1 * 1 * 1 / (4 * 1), within(1e-15));
    }

    @Test
    void findsNoDifferenceBetweenIdenticalGroups() {
        List<Observation> group = List.of(event(1), event(3), censored(4), event(6));

        LogRankResult result = LogRankTest.compare(group, group);

        assertThat(result.chiSquare()).isCloseTo(0.0, within(1e-15));
        assertThat(result.p()).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void refusesToCompareGroupsWithoutEvents() {
        assertThatThrownBy(() -> LogRankTest.compare(List.of(censored(1)), List.of(censored(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one event");
    }

    @Test
    void refusesToCompareAnEmptyGroup() {
        assertThatThrownBy(() -> LogRankTest.compare(List.of(), List.of(event(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each group");
    }
}
