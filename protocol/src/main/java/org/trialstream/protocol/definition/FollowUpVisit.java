package org.trialstream.protocol.definition;

import java.time.LocalDate;

/**
 * One scheduled follow-up visit.
 *
 * @param number   1-based visit number
 * @param month    months after surgery
 * @param due      the target date
 * @param earliest first day of the visit window
 * @param latest   last day of the visit window
 */
public record FollowUpVisit(int number, int month, LocalDate due, LocalDate earliest, LocalDate latest) {

    public boolean isInWindow(LocalDate date) {
        return !date.isBefore(earliest) && !date.isAfter(latest);
    }
}
