package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One scheduled follow-up visit.
 *
 * @param visit       its number: 1 for the first visit after surgery
 * @param month       months after surgery it is planned for
 * @param dueOn       the planned date
 * @param windowFrom  the first date an assessment counts for it
 * @param windowTo    the last date an assessment counts for it
 */
public record PlannedVisit(int visit, int month, LocalDate dueOn, LocalDate windowFrom, LocalDate windowTo) {

    public PlannedVisit {
        requireNonNull(dueOn, "dueOn");
        requireNonNull(windowFrom, "windowFrom");
        requireNonNull(windowTo, "windowTo");
        if (visit < 1 || windowFrom.isAfter(dueOn) || windowTo.isBefore(dueOn)) {
            throw new IllegalArgumentException("visit " + visit + ": the window must hold the due date");
        }
    }
}
