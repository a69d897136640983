package org.trialstream.statistics.survival;

/**
 * One step of a cumulative incidence curve.
 *
 * @param time       a distinct observed time
 * @param nRisk      subjects at risk just before {@code time} (those censored at {@code time} included: events first)
 * @param nEvent     events of interest at {@code time}
 * @param nCompeting competing events at {@code time}
 * @param nCensor    censorings at {@code time}
 * @param incidence  the cumulative incidence of the event of interest just after {@code time}
 * @param eventFree  the probability of neither event just after {@code time} (Kaplan-Meier of the first event)
 */
public record IncidenceRow(double time, int nRisk, int nEvent, int nCompeting, int nCensor, double incidence,
                           double eventFree) {
}
