package org.trialstream.protocol.definition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follow-up visits from surgery to month {@code untilMonth}. The registry record gives no schedule, so the default
 * file marks it {@link Basis#SETTING}: every 3 months with a &plusmn;14-day window, to month 36.
 *
 * @param basis       whether the schedule comes from the protocol record or is a study setting
 * @param everyMonths months between visits
 * @param windowDays  days a visit may be early or late
 * @param untilMonth  the last month with a visit
 */
public record FollowUpSchedule(Basis basis, int everyMonths, int windowDays, int untilMonth) {

    /** Where a configured value comes from. */
    public enum Basis {
        /** Stated in the registry record. */
        PROTOCOL,
        /** Not in the record: chosen by the study team and changeable in the file. */
        SETTING
    }

    public FollowUpSchedule {
        Objects.requireNonNull(basis, "basis");
        if (everyMonths < 1 || windowDays < 0 || untilMonth < everyMonths) {
            throw new IllegalArgumentException("follow-up needs a positive interval, a non-negative window and at least one visit");
        }
    }

    /**
     * The visits for a patient operated on {@code surgery}. Each due date is counted from surgery (not from the previous
     * visit), so month ends do not drift: a visit due in a shorter month falls on its last day
     * ({@link LocalDate#plusMonths}).
     */
    public List<FollowUpVisit> visitsDue(LocalDate surgery) {
        List<FollowUpVisit> visits = new ArrayList<>();
        for (int month = everyMonths, number = 1; month <= untilMonth; month += everyMonths, number++) {
            LocalDate due = surgery.plusMonths(month);
            visits.add(new FollowUpVisit(number, month, due, due.minusDays(windowDays), due.plusDays(windowDays)));
        }
        return List.copyOf(visits);
    }
}
