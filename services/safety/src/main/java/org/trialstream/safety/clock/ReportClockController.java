package org.trialstream.safety.clock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.platform.domain.ClinicalCalendar;

/** The safety officer's view of the expedited-report clock: every report still to be sent, soonest first. */
@RestController
class ReportClockController {

    private final JdbcTemplate jdbc;
    private final ClinicalCalendar calendar;

    ReportClockController(JdbcTemplate jdbc, ClinicalCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /**
     * @param daysLeft days from today (the site's date) to the last on-time day: 0 means due today, negative means
     *                 overdue
     */
    record OpenReport(String patientId, String screeningNumber, String siteId, String adverseEventId, String term,
                      int grade, boolean susar, ExpeditedReportKind kind, LocalDate dueOn, long daysLeft,
                      boolean overdue) {
    }

    @GetMapping("/sae-clock")
    List<OpenReport> openReports() {
        LocalDate today = calendar.today();
        return jdbc.query("SELECT * FROM sae_report_clock ORDER BY due_on, kind, adverse_event_id", (row, i) -> {
            LocalDate dueOn = row.getDate("due_on").toLocalDate();
            return new OpenReport(row.getString("patient_id"), row.getString("screening_number"),
                    row.getString("site_id"), row.getString("adverse_event_id"), row.getString("term"),
                    row.getInt("grade"), row.getBoolean("susar"), ExpeditedReportKind.valueOf(row.getString("kind")),
                    dueOn, ChronoUnit.DAYS.between(today, dueOn), row.getBoolean("overdue"));
        });
    }
}
