package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A report that is due, and the last clinical date on which it is on time. Awareness is day 0: a report due "within
 * 24 hours" of awareness on 3 March is due on 4 March.
 */
public record ReportDeadline(ExpeditedReportKind kind, LocalDate dueOn) {

    public ReportDeadline {
        requireNonNull(kind, "kind");
        requireNonNull(dueOn, "dueOn");
    }
}
