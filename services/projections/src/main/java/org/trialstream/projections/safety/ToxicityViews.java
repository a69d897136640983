package org.trialstream.projections.safety;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the toxicity API answers. Listings name patients by patient id and screening number only. */
final class ToxicityViews {

    private ToxicityViews() {
    }

    /**
     * Treatment-emergent adverse events, one row per CTCAE term or system organ class, each patient counted once in a
     * row at their worst grade in it.
     *
     * @param n               the safety population: patients whose first study treatment is on or before the cut
     * @param severeGradeFrom the protocol's lowest grade of the {@code severe} column
     * @param any             the patients with any treatment-emergent adverse event
     */
    record TeaeView(String by, LocalDate dataCut, Instant asRecordedAt, int n, int severeGradeFrom, TeaeRow any,
                    List<TeaeRow> rows) {
    }

    /** @param grades the patients whose worst grade in this row is 1, 2, 3, 4 and 5 */
    record TeaeRow(String name, Count anyGrade, List<GradeCount> grades, Count severe) {
    }

    /** A number of patients and its percentage of the safety population (one decimal; null when there is none). */
    record Count(int n, BigDecimal percent) {

        static Count of(int n, int population) {
            return new Count(n, ToxicityViews.percent(n, population));
        }
    }

    record GradeCount(int grade, int n, BigDecimal percent) {
    }

    /** A listing row about one patient, so that site staff can be shown their own site's rows only. */
    interface PatientRow {
        String patientId();

        String siteId();
    }

    record SeriousView(LocalDate dataCut, Instant asRecordedAt, List<SeriousRow> rows) {
    }

    /** One {@code SeriousAdverseEventReported} fact: the initial one, or an upgrade of a serious event. */
    record SeriousRow(String patientId, String screeningNumber, String siteId, String adverseEventId, String term,
                      int grade, List<String> criteria, LocalDate awareOn, boolean susar, boolean upgrade,
                      List<ReportRow> reports) implements PatientRow {
    }

    /** A report the event's clock asked for, as it stood at the data cut. */
    record ReportRow(String kind, LocalDate dueOn, LocalDate submittedOn, ReportState state) {
    }

    /** Overdue: not submitted by the cut and its last on-time day was before it. */
    enum ReportState { SUBMITTED_ON_TIME, SUBMITTED_LATE, OVERDUE, DUE }

    record DeathsView(LocalDate dataCut, Instant asRecordedAt, List<Grade5Row> grade5, List<DeathRow> deaths,
                      List<DataQuery> queries) {
    }

    record Grade5Row(String patientId, String screeningNumber, String siteId, String adverseEventId, String term,
                     LocalDate onsetOn, LocalDate grade5On, boolean treatmentEmergent) implements PatientRow {
    }

    record DeathRow(String patientId, String screeningNumber, String siteId, LocalDate diedOn, String cause)
            implements PatientRow {
    }

    /** A disagreement between the safety and follow-up records for a data manager to resolve. */
    record DataQuery(String patientId, String screeningNumber, String siteId, String adverseEventId, String query)
            implements PatientRow {
    }

    record DoseModificationsView(LocalDate dataCut, Instant asRecordedAt, List<ReductionRow> reductions,
                                 List<DiscontinuationRow> discontinuations) {
    }

    /** @param term the adverse event's term, null when safety has not recorded it (by the cut) */
    record ReductionRow(String patientId, String screeningNumber, String siteId, String adverseEventId, String term,
                        Integer worstGrade, LocalDate effectiveOn, int fromMg, int toMg, String reason)
            implements PatientRow {
    }

    record DiscontinuationRow(String patientId, String screeningNumber, String siteId, String adverseEventId,
                              String term, Integer worstGrade, LocalDate on, String reason, String detail)
            implements PatientRow {
    }

    /** {@code n} of {@code population} in percent, to one decimal, rounded half up; null for an empty population. */
    static BigDecimal percent(int n, int population) {
        if (population == 0) {
            return null;
        }
        return BigDecimal.valueOf(100L * n).divide(BigDecimal.valueOf(population), 1, RoundingMode.HALF_UP);
    }
}
