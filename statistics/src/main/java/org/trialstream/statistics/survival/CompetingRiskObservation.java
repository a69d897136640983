package org.trialstream.statistics.survival;

/**
 * One subject's follow-up when another event can prevent the one of interest, as R's {@code cmprsk::cuminc} takes it
 * ({@code ftime}, {@code fstatus} with censoring coded 0): for this trial, local recurrence with death before it as
 * the competing event.
 *
 * @param time  time from the origin to the first event or to censoring; finite, not negative
 * @param cause what ended the follow-up at {@code time}
 */
public record CompetingRiskObservation(double time, Cause cause) {

    public enum Cause {
        /** Still event-free when last seen. */
        CENSORED,
        /** The event of interest. */
        EVENT,
        /** An event that makes the one of interest impossible afterwards. */
        COMPETING
    }

    public CompetingRiskObservation {
        if (!Double.isFinite(time) || time < 0) {
            throw new IllegalArgumentException("time must be a finite, non-negative number, was " + time);
        }
        if (cause == null) {
            throw new IllegalArgumentException("cause is required");
        }
    }
}
