package org.trialstream.statistics.survival;

/**
 * One subject's follow-up for a time-to-event endpoint, as R's {@code Surv(time, status)} holds it.
 *
 * @param time  time from the origin (surgery, for this trial's endpoints) to the event or to censoring; finite, not negative
 * @param event {@code true} if the event was observed at {@code time}, {@code false} if the subject is censored there
 */
public record Observation(double time, boolean event) {

    public Observation {
        if (!Double.isFinite(time) || time < 0) {
            throw new IllegalArgumentException("time must be a finite, non-negative number, was " + time);
        }
    }

    public static Observation event(double time) {
        return new Observation(time, true);
    }

    public static Observation censored(double time) {
        return new Observation(time, false);
    }
}
