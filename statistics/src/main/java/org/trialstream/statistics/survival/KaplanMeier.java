package org.trialstream.statistics.survival;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Kaplan-Meier product-limit estimator with the conventions of R's {@code survival::survfit} defaults
 * ({@code conf.type = "log"}, {@code conf.int = 0.95}):
 * <ul>
 *   <li>at a tied time, events come before censorings, so subjects censored at t are still at risk at t;</li>
 *   <li>the standard error is Greenwood's, of S(t) itself: S(t) &middot; sqrt(&Sigma; d/(n(n-d))), which is what
 *       {@code summary.survfit} prints (the fit object stores the one of -log S);</li>
 *   <li>the 95% interval is S(t) &middot; exp(&plusmn;z &middot; sqrt(&Sigma; d/(n(n-d)))), with the upper bound capped at 1;</li>
 *   <li>once S(t) reaches 0 the standard error and the interval are undefined (NaN).</li>
 * </ul>
 */
public final class KaplanMeier {

    /** qnorm(0.975), the normal quantile R uses for a 95% interval. */
    static final double Z_975 = Distributions.normalQuantile(0.975);

    private KaplanMeier() {
    }

    /** Estimates the survival curve of one group; needs at least one observation. */
    public static SurvivalCurve estimate(Collection<Observation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a survival curve needs at least one observation");
        }
        List<Observation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingDouble(Observation::time));

        List<SurvivalRow> rows = new ArrayList<>();
        int atRisk = sorted.size();
        double survival = 1.0;
        double greenwoodSum = 0.0;
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int events = 0;
            int censored = 0;
            while (i < sorted.size() && sorted.get(i).time() == time) {
                if (sorted.get(i).event()) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events > 0) {
                survival *= 1.0 - (double) events / atRisk;
                greenwoodSum = events < atRisk
                        ? greenwoodSum + (double) events / ((double) atRisk * (atRisk - events))
                        : Double.POSITIVE_INFINITY;
            }
            rows.add(row(time, atRisk, events, censored, survival, greenwoodSum));
            atRisk -= events + censored;
        }
        return new SurvivalCurve(rows, sorted.size());
    }

    private static SurvivalRow row(double time, int atRisk, int events, int censored, double survival, double greenwoodSum) {
        if (survival == 0.0 || Double.isInfinite(greenwoodSum)) {
            return new SurvivalRow(time, atRisk, events, censored, survival, Double.NaN, Double.NaN, Double.NaN);
        }
        double seLog = Math.sqrt(greenwoodSum);
        double lower = survival * Math.exp(-Z_975 * seLog);
        double upper = Math.min(1.0, survival * Math.exp(Z_975 * seLog));
        return new SurvivalRow(time, atRisk, events, censored, survival, survival * seLog, lower, upper);
    }
}
