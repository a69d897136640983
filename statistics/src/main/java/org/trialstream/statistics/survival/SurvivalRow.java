package org.trialstream.statistics.survival;

/**
 * One step of a product-limit curve, with the columns R's {@code summary(survfit(...))} prints.
 * An undefined value (R's {@code NA} or {@code NaN}) is {@link Double#NaN}.
 *
 * @param time     a distinct observed time
 * @param nRisk    subjects still at risk just before {@code time} (including those censored at {@code time}: events come first)
 * @param nEvent   events at {@code time}
 * @param nCensor  censorings at {@code time}
 * @param survival S(t) just after {@code time}
 * @param stdErr   Greenwood standard error of S(t); NaN once S(t) is 0
 * @param lower95  lower bound of the log-transformed 95% interval; NaN once S(t) is 0
 * @param upper95  upper bound of the log-transformed 95% interval, capped at 1; NaN once S(t) is 0
 */
public record SurvivalRow(double time, int nRisk, int nEvent, int nCensor,
                          double survival, double stdErr, double lower95, double upper95) {

    public boolean hasEvents() {
        return nEvent > 0;
    }
}
