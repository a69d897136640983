package org.trialstream.projections.radiotherapy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The trial's radiotherapy at a glance, over the courses that were prescribed; no patient is named.
 *
 * @param completionRate             completed of prescribed courses, to 4 decimals; null with none prescribed
 * @param medianOverallTreatmentDays over the completed courses, to 1 decimal; null with none completed
 */
record RadiotherapySummary(int prescribed, int completed, int stoppedEarly, int ongoing, BigDecimal completionRate,
                           BigDecimal medianOverallTreatmentDays) {

    static RadiotherapySummary of(List<PatientRadiotherapy> courses) {
        List<PatientRadiotherapy> prescribed = courses.stream().filter(PatientRadiotherapy::prescribed).toList();
        List<Integer> times = prescribed.stream().filter(course -> course.status().equals("COMPLETED"))
                .map(PatientRadiotherapy::overallTreatmentDays).sorted().toList();
        int stopped = (int) prescribed.stream().filter(course -> course.status().equals("STOPPED_EARLY")).count();
        return new RadiotherapySummary(prescribed.size(), times.size(), stopped,
                prescribed.size() - times.size() - stopped,
                prescribed.isEmpty() ? null : BigDecimal.valueOf(times.size())
                        .divide(BigDecimal.valueOf(prescribed.size()), 4, RoundingMode.HALF_UP),
                median(times));
    }

    private static BigDecimal median(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        BigDecimal upper = BigDecimal.valueOf(sorted.get(middle));
        return sorted.size() % 2 == 1 ? upper.setScale(1, RoundingMode.UNNECESSARY)
                : upper.add(BigDecimal.valueOf(sorted.get(middle - 1)))
                        .divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }
}
