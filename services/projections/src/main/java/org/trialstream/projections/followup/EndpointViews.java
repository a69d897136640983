package org.trialstream.projections.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.trialstream.statistics.survival.IncidenceRow;
import org.trialstream.statistics.survival.QuantileEstimate;
import org.trialstream.statistics.survival.SurvivalRow;

/** What the endpoint API answers. An undefined estimate (R's NA) is null. */
final class EndpointViews {

    private EndpointViews() {
    }

    /** A Kaplan-Meier analysis of one endpoint at a data cut. */
    record EndpointView(String endpoint, String name, LocalDate dataCut, Instant asRecordedAt, int n, int events,
                        List<TableRow> table, Estimate median, List<Rate> rates, List<AtRisk> numbersAtRisk,
                        List<DataQuery> queries) {
    }

    /** One row of {@code summary(survfit(...))}: the times with events. */
    record TableRow(@JsonProperty("time_months") double timeMonths, @JsonProperty("n_risk") int nRisk,
                    @JsonProperty("n_event") int nEvent, Double surv, @JsonProperty("std_err") Double stdErr,
                    Double lower95, Double upper95) {

        static TableRow of(SurvivalRow row) {
            return new TableRow(row.time(), row.nRisk(), row.nEvent(), defined(row.survival()),
                    defined(row.stdErr()), defined(row.lower95()), defined(row.upper95()));
        }
    }

    /** A median (or other quantile) in months with its 95 % interval; null where not reached. */
    record Estimate(Double months, Double lower95, Double upper95) {

        static Estimate of(QuantileEstimate quantile) {
            return new Estimate(defined(quantile.value()), defined(quantile.lower95()), defined(quantile.upper95()));
        }
    }

    /** The survival rate at a month, with its 95 % interval; null beyond the last observed time. */
    record Rate(int month, Double surv, Double lower95, Double upper95) {
    }

    record AtRisk(int month, int n) {
    }

    /** An inconsistency in one patient's data for a data manager to resolve. */
    record DataQuery(String patientId, String query) {
    }

    /** The cumulative incidence of local recurrence with death as a competing event. */
    record IncidenceView(LocalDate dataCut, Instant asRecordedAt, int n, int events, int competingEvents,
                         List<IncidenceTableRow> table, List<IncidenceAt> at) {
    }

    record IncidenceTableRow(@JsonProperty("time_months") double timeMonths, @JsonProperty("n_risk") int nRisk,
                             @JsonProperty("n_event") int nEvent, @JsonProperty("n_competing") int nCompeting,
                             double incidence) {

        static IncidenceTableRow of(IncidenceRow row) {
            return new IncidenceTableRow(row.time(), row.nRisk(), row.nEvent(), row.nCompeting(), row.incidence());
        }
    }

    record IncidenceAt(int month, Double incidence) {
    }

    static Double defined(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
