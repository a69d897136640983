package org.trialstream.support.testing;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar the services judge clinical dates by (the default {@code TRIAL_CLINICAL_TIME_ZONE}). Tests date
 * clinical facts by it, never by the JVM's UTC date: from 16:00 UTC the site is already on the next day.
 */
public final class SiteCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SiteCalendar() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
