package org.trialstream.statistics.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Kaplan-Meier curve: one {@link SurvivalRow} per distinct observed time (censor-only times included, as in R's
 * {@code survfit} object), plus the readings a report needs (survival and numbers at risk at chosen times, the median).
 */
public final class SurvivalCurve {

    /** R's default {@code tolerance = sqrt(.Machine$double.eps)} for recognising a flat at exactly the quantile. */
    private static final double QUANTILE_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private final List<SurvivalRow> rows;
    private final int subjects;

    SurvivalCurve(List<SurvivalRow> rows, int subjects) {
        this.rows = List.copyOf(rows);
        this.subjects = subjects;
    }

    /** Every distinct time, in increasing order. */
    public List<SurvivalRow> rows() {
        return rows;
    }

    /** The times with at least one event: the table {@code summary(fit)} prints by default. */
    public List<SurvivalRow> eventRows() {
        return rows.stream().filter(SurvivalRow::hasEvents).toList();
    }

    public int subjects() {
        return subjects;
    }

    public int events() {
        return rows.stream().mapToInt(SurvivalRow::nEvent).sum();
    }

    /** The last observed time, event or censoring. */
    public double lastTime() {
        return rows.get(rows.size() - 1).time();
    }

    /** Subjects still under observation at {@code time}: those whose time is at or after it. */
    public int numberAtRisk(double time) {
        for (SurvivalRow row : rows) {
            if (row.time() >= time) {
                return row.nRisk();
            }
        }
        return 0;
    }

    /**
     * The curve at {@code time}, e.g. survival at 12, 24 and 36 months. Before the first event S = 1 with a zero-width
     * interval. Beyond the last observed time the curve is not estimable and the result is empty, as R's
     * {@code summary(fit, times = t)} (with its default {@code extend = FALSE}) drops such times.
     */
    public Optional<SurvivalEstimate> survivalAt(double time) {
        if (time > lastTime()) {
            return Optional.empty();
        }
        SurvivalRow inForce = null;
        for (SurvivalRow row : rows) {
            if (row.time() > time) {
                break;
            }
            inForce = row;
        }
        int atRisk = numberAtRisk(time);
        if (inForce == null) {
            return Optional.of(new SurvivalEstimate(time, atRisk, 1.0, 0.0, 1.0, 1.0));
        }
        return Optional.of(new SurvivalEstimate(time, atRisk, inForce.survival(), inForce.stdErr(),
                inForce.lower95(), inForce.upper95()));
    }

    /** {@link #survivalAt(double)} at each time, in the order given; times beyond follow-up are left out. */
    public List<SurvivalEstimate> survivalAt(double... times) {
        List<SurvivalEstimate> estimates = new ArrayList<>();
        for (double time : times) {
            survivalAt(time).ifPresent(estimates::add);
        }
        return estimates;
    }

    /** The median survival time and its 95% interval; see {@link #quantile(double)}. */
    public QuantileEstimate median() {
        return quantile(0.5);
    }

    /**
     * The time by which a fraction {@code probability} of subjects has had the event, following R's
     * {@code quantile.survfit}: the first time with S(t) &le; 1 - probability; if the curve is flat at exactly
     * 1 - probability (within R's tolerance), the midpoint of that flat (to the last observed time if the flat ends the curve).
     * The interval is where the lower and upper confidence curves cross the same level. A level the curve never
     * reaches is NaN.
     */
    public QuantileEstimate quantile(double probability) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must lie strictly between 0 and 1, was " + probability);
        }
        int n = rows.size();
        double[] times = new double[n + 1];
        double[] fromSurvival = new double[n + 1];
        double[] fromLower = new double[n + 1];
        double[] fromUpper = new double[n + 1];
        for (int i = 0; i < n; i++) {
            SurvivalRow row = rows.get(i);
            times[i + 1] = row.time();
            fromSurvival[i + 1] = 1 - row.survival();
            fromLower[i + 1] = 1 - row.lower95();
            fromUpper[i + 1] = 1 - row.upper95();
        }
        return new QuantileEstimate(
                crossing(times, fromSurvival, probability),
                crossing(times, fromLower, probability),
                crossing(times, fromUpper, probability));
    }

    /**
     * R's {@code findq}: where a horizontal line at {@code p} meets the step function 1 - S (times prefixed with the
     * origin 0 and value 0). Repeated values (censor-only steps) are dropped, keeping the first; NaN values (an interval
     * undefined once S = 0) take no part in the search.
     */
    private static double crossing(double[] times, double[] cumulative, double p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : cumulative) {
            if (!Double.isNaN(value)) {
                max = Math.max(max, value);
            }
        }
        if (max < p) {
            return Double.NaN;
        }
        double lastTime = times[times.length - 1];
        List<double[]> distinct = new ArrayList<>();
        boolean seenNaN = false;
        for (int i = 0; i < times.length; i++) {
            double value = cumulative[i];
            boolean duplicate = Double.isNaN(value) ? seenNaN
                    : distinct.stream().anyMatch(point -> point[1] == value);
            seenNaN |= Double.isNaN(value);
            if (!duplicate) {
                distinct.add(new double[] {times[i], value});
            }
        }
        int first = firstIndexAtLeast(distinct, p, QUANTILE_TOLERANCE);
        int second = firstIndexAtLeast(distinct, p, -QUANTILE_TOLERANCE);
        double[] last = distinct.get(distinct.size() - 1);
        if (first >= 0 && !Double.isNaN(last[1]) && Math.abs(p - last[1]) < QUANTILE_TOLERANCE) {
            return (distinct.get(first)[0] + lastTime) / 2;
        }
        if (first < 0 || second < 0) {
            return Double.NaN;
        }
        return (distinct.get(first)[0] + distinct.get(second)[0]) / 2;
    }

    private static int firstIndexAtLeast(List<double[]> points, double p, double shift) {
        for (int i = 0; i < points.size(); i++) {
            double value = points.get(i)[1];
            if (!Double.isNaN(value) && value + shift >= p) {
                return i;
            }
        }
        return -1;
    }
}
