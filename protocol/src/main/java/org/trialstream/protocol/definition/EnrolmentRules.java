package org.trialstream.protocol.definition;

import java.time.LocalDate;
import java.util.Objects;

/**
 * @param cap               the planned enrolment (41 in the registry record); no patient is enrolled beyond it
 * @param clinicalDatesFrom a study setting: no clinical fact of this study (surgery, screening, a dose, a scan...) can
 *                          be dated before it, so that a mistyped year is refused rather than recorded
 */
public record EnrolmentRules(int cap, LocalDate clinicalDatesFrom) {

    public EnrolmentRules {
        if (cap < 1) {
            throw new IllegalArgumentException("the enrolment cap must be at least 1, was " + cap);
        }
        Objects.requireNonNull(clinicalDatesFrom, "clinicalDatesFrom");
    }

    public boolean hasRoomFor(int alreadyEnrolled) {
        return alreadyEnrolled < cap;
    }
}
