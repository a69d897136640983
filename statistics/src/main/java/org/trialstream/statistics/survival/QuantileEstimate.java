package org.trialstream.statistics.survival;

/**
 * A survival-time quantile (the median, typically) and its 95% confidence interval.
 * A value the data cannot give (R prints {@code NA}) is {@link Double#NaN}; {@link #isReached()} and friends say which.
 */
public record QuantileEstimate(double value, double lower95, double upper95) {

    public boolean isReached() {
        return !Double.isNaN(value);
    }

    public boolean hasLowerBound() {
        return !Double.isNaN(lower95);
    }

    public boolean hasUpperBound() {
        return !Double.isNaN(upper95);
    }
}
