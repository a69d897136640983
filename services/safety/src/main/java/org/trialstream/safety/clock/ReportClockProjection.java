package org.trialstream.safety.clock;

import java.sql.Date;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;

/**
 * The open report clocks, from the service's own event store: a serious event opens one row per report due, a
 * submitted report closes its row, an overdue one is marked and stays open. A tracking processor, so that a reset
 * rebuilds the table from the first event.
 */
@Component
@ProcessingGroup(ReportClockProjection.PROCESSING_GROUP)
class ReportClockProjection {

    static final String PROCESSING_GROUP = "sae-clock";

    private final JdbcTemplate jdbc;

    ReportClockProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SeriousAdverseEventReported sae) {
        for (ReportDeadline deadline : sae.deadlines()) {
            int updated = jdbc.update("UPDATE sae_report_clock SET term = ?, grade = ?, susar = ? "
                            + "WHERE adverse_event_id = ? AND kind = ?",
                    sae.term(), sae.grade(), sae.susar(), sae.adverseEventId().toString(), deadline.kind().name());
            if (updated == 0) {
                jdbc.update("INSERT INTO sae_report_clock (adverse_event_id, kind, patient_id, site_id, "
                                + "screening_number, term, grade, susar, due_on, overdue) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, false)",
                        sae.adverseEventId().toString(), deadline.kind().name(), sae.patientId().toString(),
                        sae.siteId(), sae.screeningNumber(), sae.term(), sae.grade(), sae.susar(),
                        Date.valueOf(deadline.dueOn()));
            }
        }
    }

    @EventHandler
    void on(ExpeditedReportSubmitted submitted) {
        jdbc.update("DELETE FROM sae_report_clock WHERE adverse_event_id = ? AND kind = ?",
                submitted.adverseEventId().toString(), submitted.kind().name());
    }

    @EventHandler
    void on(ExpeditedReportOverdue overdue) {
        jdbc.update("UPDATE sae_report_clock SET overdue = true WHERE adverse_event_id = ? AND kind = ?",
                overdue.adverseEventId().toString(), overdue.kind().name());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM sae_report_clock");
    }
}
