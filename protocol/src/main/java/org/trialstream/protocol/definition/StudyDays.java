package org.trialstream.protocol.definition;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The study clock: the surgery date is day 0 for every endpoint and every window (design, section 2). */
public final class StudyDays {

    private StudyDays() {
    }

    /** Days from surgery to {@code date}: 0 on the day of surgery, negative before it. */
    public static int studyDay(LocalDate surgery, LocalDate date) {
        Objects.requireNonNull(surgery, "surgery");
        Objects.requireNonNull(date, "date");
        return Math.toIntExact(ChronoUnit.DAYS.between(surgery, date));
    }
}
