package org.trialstream.protocol.definition;

/**
 * @param cap the planned enrolment (41 in the registry record); no patient is enrolled beyond it
 */
public record EnrolmentRules(int cap) {

    public EnrolmentRules {
        if (cap < 1) {
            throw new IllegalArgumentException("the enrolment cap must be at least 1, was " + cap);
        }
    }

    public boolean hasRoomFor(int alreadyEnrolled) {
        return alreadyEnrolled < cap;
    }
}
