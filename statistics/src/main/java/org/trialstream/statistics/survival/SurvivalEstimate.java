package org.trialstream.statistics.survival;

/**
 * The curve read at a chosen time, as R's {@code summary(fit, times = t)} reports it: the step in force at {@code time}
 * and the number still at risk at {@code time}. Undefined values are {@link Double#NaN}.
 */
public record SurvivalEstimate(double time, int nRisk, double survival, double stdErr, double lower95, double upper95) {
}
