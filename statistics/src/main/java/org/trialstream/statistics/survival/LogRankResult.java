package org.trialstream.statistics.survival;

/**
 * The two-group log-rank test as R's {@code survdiff(..., rho = 0)} reports it.
 *
 * @param observedFirst  events observed in the first group
 * @param observedSecond events observed in the second group
 * @param expectedFirst  events expected in the first group under equal hazards
 * @param expectedSecond events expected in the second group under equal hazards
 * @param variance       hypergeometric variance of observed - expected (first group)
 * @param chiSquare      (O - E)&sup2; / V
 * @param degreesOfFreedom 1 for two groups
 * @param p              upper tail of the chi-square distribution at {@code chiSquare}
 */
public record LogRankResult(int observedFirst, int observedSecond, double expectedFirst, double expectedSecond,
                            double variance, double chiSquare, int degreesOfFreedom, double p) {
}
