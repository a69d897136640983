package org.trialstream.dosing.course.domain;

import java.util.UUID;

/** The course's own events, which never leave the service. */
final class CourseEvents {

    private CourseEvents() {
    }

    /**
     * Safety said an adverse event justifies a dose decision (again, when it worsened): each such fact justifies one
     * step down the ladder.
     */
    record ReductionJustified(UUID patientId, UUID adverseEventId, String siteId) {
    }
}
