package org.trialstream.localstack.simulate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the simulation sent for one patient, and the views it implies. */
public final class Truth {

    public String patientId;
    PatientPlan plan;
    LocalDate enrolledOn;
    final List<LocalDate> assessments = new ArrayList<>();
    LocalDate localRecurrenceOn;
    LocalDate metastasisOn;
    LocalDate diedOn;
    LocalDate lostLastAliveOn;
    LocalDate withdrawnOn;
    int cumulativeMg;
    int reductions;
    String exposureStatus;
    BigDecimal deliveredGy = BigDecimal.ZERO;
    /** Worst grade per CTCAE term. */
    public final Map<String, Integer> worstGrades = new TreeMap<>();
    int adverseEvents;
    public final List<String> seriousAdverseEvents = new ArrayList<>();

    /** Days from surgery and status (1 event, 0 censored), as {@code data.csv} gives them. */
    public int[] endpoint(String endpoint) {
        LocalDate lastAssessment = assessments.isEmpty() ? plan.surgery() : assessments.get(assessments.size() - 1);
        return switch (endpoint) {
            case "lrfs" -> localRecurrenceOn == null ? new int[] {days(lastAssessment), 0}
                    : new int[] {days(localRecurrenceOn), 1};
            case "mfs" -> metastasisOn == null ? new int[] {days(lastAssessment), 0}
                    : new int[] {days(metastasisOn), 1};
            case "os" -> diedOn != null ? new int[] {days(diedOn), 1} : new int[] {days(lastKnownAlive()), 0};
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private LocalDate lastKnownAlive() {
        LocalDate last = enrolledOn;
        for (LocalDate date : new LocalDate[] {withdrawnOn, lostLastAliveOn}) {
            last = date != null && date.isAfter(last) ? date : last;
        }
        for (LocalDate date : assessments) {
            last = date.isAfter(last) ? date : last;
        }
        return last;
    }

    private int days(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(plan.surgery(), date);
    }
}
