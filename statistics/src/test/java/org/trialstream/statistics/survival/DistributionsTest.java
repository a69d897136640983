package org.trialstream.statistics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Reference values from R: {@code pchisq(x, 1, lower.tail = FALSE)} and {@code qnorm(p)}. */
class DistributionsTest {

    @Test
    void givesTheChiSquareUpperTailWithOneDegreeOfFreedomAsR() {
        assertThat(Distributions.chiSquareUpperTailOneDf(3.841458820694124)).isCloseTo(0.05, withinPercentage(1e-7));
        assertThat(Distributions.chiSquareUpperTailOneDf(6.634896601021214)).isCloseTo(0.01, withinPercentage(1e-7));
        assertThat(Distributions.chiSquareUpperTailOneDf(0)).isEqualTo(1.0);
        // erfc(5) = 1.5374597944280349e-12: far in the tail, where 1 - cdf would lose every digit.
        assertThat(Distributions.chiSquareUpperTailOneDf(50.0)).isCloseTo(1.5374597944280349e-12,
                withinPercentage(1e-5));
    }

    @Test
    void givesTheNormalQuantileOfANinetyFivePercentIntervalAsR() {
        assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(Distributions.normalQuantile(0.5)).isCloseTo(0.0, within(1e-15));
    }

    @Test
    void refusesANegativeChiSquare() {
        assertThatThrownBy(() -> Distributions.chiSquareUpperTailOneDf(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
