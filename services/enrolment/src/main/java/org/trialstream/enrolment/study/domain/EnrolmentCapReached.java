package org.trialstream.enrolment.study.domain;

import org.trialstream.platform.domain.StateConflict;

public class EnrolmentCapReached extends StateConflict {

    public EnrolmentCapReached(int cap) {
        super("patientId", "the study has enrolled its " + cap + " patients; no place is left");
    }
}
