package org.trialstream.statistics.survival;

import java.util.Collection;
import java.util.TreeSet;

/**
 * Mantel-Haenszel log-rank test of two survival curves (R's {@code survdiff} with {@code rho = 0}). At each distinct
 * event time t, with n<sub>1</sub>, n<sub>2</sub> at risk and d events among n: E<sub>1</sub> += d&middot;n<sub>1</sub>/n and
 * V += n<sub>1</sub>n<sub>2</sub>d(n-d) / (n&sup2;(n-1)); the statistic (O<sub>1</sub> - E<sub>1</sub>)&sup2;/V is
 * chi-square with 1 degree of freedom.
 */
public final class LogRankTest {

    private LogRankTest() {
    }

    /** Compares two groups; at least one event overall is needed, or there is nothing to test. */
    public static LogRankResult compare(Collection<Observation> first, Collection<Observation> second) {
        if (first.isEmpty() || second.isEmpty()) {
            throw new IllegalArgumentException("the log-rank test needs at least one subject in each group");
        }
        TreeSet<Double> eventTimes = new TreeSet<>();
        first.stream().filter(Observation::event).forEach(o -> eventTimes.add(o.time()));
        second.stream().filter(Observation::event).forEach(o -> eventTimes.add(o.time()));
        if (eventTimes.isEmpty()) {
            throw new IllegalArgumentException("the log-rank test needs at least one event");
        }
        int observedFirst = 0;
        int observedSecond = 0;
        double expectedFirst = 0;
        double variance = 0;
        for (double time : eventTimes) {
            int atRiskFirst = atRisk(first, time);
            int atRiskSecond = atRisk(second, time);
            int eventsFirst = eventsAt(first, time);
            int eventsSecond = eventsAt(second, time);
            double atRisk = atRiskFirst + atRiskSecond;
            double events = eventsFirst + eventsSecond;
            observedFirst += eventsFirst;
            observedSecond += eventsSecond;
            expectedFirst += events * atRiskFirst / atRisk;
            if (atRisk > 1) {
                variance += atRiskFirst * atRiskSecond * events * (atRisk - events) / (atRisk * atRisk * (atRisk - 1));
            }
        }
        double expectedSecond = observedFirst + observedSecond - expectedFirst;
        double difference = observedFirst - expectedFirst;
        double chiSquare = variance > 0 ? difference * difference / variance : 0.0;
        double p = variance > 0 ? Distributions.chiSquareUpperTailOneDf(chiSquare) : 1.0;
        return new LogRankResult(observedFirst, observedSecond, expectedFirst, expectedSecond,
                variance, chiSquare, 1, p);
    }

    private static int atRisk(Collection<Observation> group, double time) {
        return (int) group.stream().filter(o -> o.time() >= time).count();
    }

    private static int eventsAt(Collection<Observation> group, double time) {
        return (int) group.stream().filter(o -> o.event() && o.time() == time).count();
    }
}
