package org.trialstream.statistics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class DistributionsTest {

    @Test
    void computesTheComplementaryErrorFunctionToWithinOneInTenMillionRelative() {
        double[][] reference = {
                {0.0, 1.0},
                {0.1, 0.88753708398171510},
                {0.5, 0.47950012218695346},
                {1.0, 0.15729920705028513},
                {1.2247, 0.08327581479808639},
                {1.5, 0.033894853524689274},
                {2.0, 0.004677734981047266},
                {2.8976, 4.170499883696525e-05},
                {3.0, 2.209049699858544e-05},
                {5.0, 1.5374597944280349e-12},
                {10.0, 2.088487583762545e-45},
                {-1.0, 1.8427007929497148},
        };
        for (double[] point : reference) {
            assertThat(Distributions.erfc(point[0])).as("erfc(%s)", point[0])
                    .isCloseTo(point[1], withinPercentage(1e-5));
        }
    }

    @Test
    void givesTheFivePercentTailAtTheOneDegreeOfFreedomCriticalValue() {
        assertThat(Distributions.chiSquareUpperTailOneDf(3.841458820694124)).isCloseTo(0.05, withinPercentage(1e-7));
        assertThat(Distributions.chiSquareUpperTailOneDf(6.634896601021214)).isCloseTo(0.01, withinPercentage(1e-7));
        assertThat(Distributions.chiSquareUpperTailOneDf(0)).isEqualTo(1.0);
    }

    @Test
    void refusesANegativeChiSquare() {
        assertThatThrownBy(() -> Distributions.chiSquareUpperTailOneDf(-0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
