package org.trialstream.statistics.survival;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The Aalen-Johansen estimate of the cumulative incidence of an event in the presence of a competing one, the
 * estimate R's {@code cmprsk::cuminc} reports: at each distinct time t with n at risk, d events of interest and c
 * competing events, F(t) = F(t-) + S(t-) &middot; d / n, where S is the Kaplan-Meier probability of being free of both.
 * Ties follow {@link KaplanMeier}: events of either kind before censorings. Without competing events F = 1 - KM.
 */
public final class CumulativeIncidence {

    private final List<IncidenceRow> rows;

    private CumulativeIncidence(List<IncidenceRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Estimates the curve; needs at least one observation. */
    public static CumulativeIncidence estimate(Collection<CompetingRiskObservation> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a cumulative incidence curve needs at least one observation");
        }
        List<CompetingRiskObservation> sorted = new ArrayList<>(observations);
        sorted.sort(Comparator.comparingDouble(CompetingRiskObservation::time));
        List<IncidenceRow> rows = new ArrayList<>();
        int atRisk = sorted.size();
        double eventFree = 1.0;
        double incidence = 0.0;
        int i = 0;
        while (i < sorted.size()) {
            double time = sorted.get(i).time();
            int events = 0;
            int competing = 0;
            int censored = 0;
            for (; i < sorted.size() && sorted.get(i).time() == time; i++) {
                switch (sorted.get(i).cause()) {
                    case EVENT -> events++;
                    case COMPETING -> competing++;
                    case CENSORED -> censored++;
                }
            }
            incidence += eventFree * events / atRisk;
            eventFree *= 1.0 - (double) (events + competing) / atRisk;
            rows.add(new IncidenceRow(time, atRisk, events, competing, censored, incidence, eventFree));
            atRisk -= events + competing + censored;
        }
        return new CumulativeIncidence(rows);
    }

    /** Every distinct time, in increasing order. */
    public List<IncidenceRow> rows() {
        return rows;
    }

    /** The cumulative incidence at {@code time} (0 before the first event); NaN beyond the last observed time. */
    public double at(double time) {
        if (time > rows.get(rows.size() - 1).time()) {
            return Double.NaN;
        }
        double incidence = 0.0;
        for (IncidenceRow row : rows) {
            if (row.time() > time) {
                break;
            }
            incidence = row.incidence();
        }
        return incidence;
    }
}
