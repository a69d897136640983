package org.trialstream.platform.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The calendar clinical dates are judged by. "Today" is the site's local date (Shanghai is UTC+8: a date checked
 * against UTC would call a morning screening "in the future"); recorded times stay UTC. No clinical date may be in
 * the future or before the study's floor ({@code enrolment.clinicalDatesFrom} in the protocol file). Dates in the
 * past are normal: data entered late, from a paper backup for example, must be recordable.
 */
public record ClinicalCalendar(Clock clock, ZoneId zone, LocalDate earliest) {

    public ClinicalCalendar {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(earliest, "earliest");
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Refuses, naming the field, a date in the future or before the study's floor. */
    public LocalDate requireClinicalDate(String field, LocalDate date) {
        if (date == null) {
            throw new RuleViolation(field, "a clinical date is required");
        }
        if (date.isAfter(today())) {
            throw new RuleViolation(field, "the date cannot be in the future");
        }
        if (date.isBefore(earliest)) {
            throw new RuleViolation(field, "the date cannot precede " + earliest
                    + ", before which the study records no clinical facts");
        }
        return date;
    }

    /** Refuses, naming the field, what {@link #requireClinicalDate} refuses and a date before the patient's surgery. */
    public LocalDate requireSinceSurgery(String field, LocalDate date, LocalDate surgery) {
        requireClinicalDate(field, date);
        if (date.isBefore(surgery)) {
            throw new RuleViolation(field, "surgery was on " + surgery + ", after this date");
        }
        return date;
    }
}
