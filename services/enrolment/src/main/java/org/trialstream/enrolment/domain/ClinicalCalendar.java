package org.trialstream.enrolment.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" as the site sees it. Clinical dates are local dates at the site (Shanghai is UTC+8): a date checked
 * against UTC would call a morning screening "in the future". Recorded times stay in UTC.
 */
public record ClinicalCalendar(Clock clock, ZoneId zone) {

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
