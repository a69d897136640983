package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The study's enrolment register opened with a cap. A read model takes the cap from this fact, never from the
 * protocol file it happens to start with, so that a rebuild gives the same documents under any file.
 *
 * @param studyId      the protocol's study id
 * @param enrolmentCap how many patients the study may enrol
 */
@EventContract(name = "enrolment.EnrolmentOpened", version = 1)
public record EnrolmentOpened(String studyId, int enrolmentCap) implements TrialEvent {

    public EnrolmentOpened {
        requireNonNull(studyId, "studyId");
        if (enrolmentCap < 1) {
            throw new IllegalArgumentException("enrolmentCap must be positive");
        }
    }

    /** A study-level fact: about no patient. */
    @Override
    public UUID patientId() {
        return null;
    }

    @Override
    public String recordKey() {
        return studyId;
    }
}
