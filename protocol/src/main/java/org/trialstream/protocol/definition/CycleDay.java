package org.trialstream.protocol.definition;

/**
 * A date's place in the planned anlotinib course.
 *
 * @param cycle 1-based cycle number
 * @param day   1-based day within the cycle (day 1 of cycle 1 is the first dose)
 * @param onDay whether the schedule doses on that day
 */
public record CycleDay(int cycle, int day, boolean onDay) {
}
