package org.trialstream.statistics.survival;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.special.Erf;

/** The distribution functions the estimators need, from Hipparchus. */
public final class Distributions {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0.0, 1.0);

    private Distributions() {
    }

    /**
     * P(X &ge; chiSquare) for X chi-square with 1 degree of freedom, as erfc(sqrt(x/2)): exact in the far tail, where
     * 1 - cdf would round to 0.
     */
    public static double chiSquareUpperTailOneDf(double chiSquare) {
        if (chiSquare < 0 || Double.isNaN(chiSquare)) {
            throw new IllegalArgumentException("a chi-square statistic cannot be " + chiSquare);
        }
        return Erf.erfc(Math.sqrt(chiSquare / 2.0));
    }

    /** The standard normal quantile, for example 1.959964 at 0.975 (R's {@code qnorm}). */
    public static double normalQuantile(double probability) {
        return STANDARD_NORMAL.inverseCumulativeProbability(probability);
    }
}
