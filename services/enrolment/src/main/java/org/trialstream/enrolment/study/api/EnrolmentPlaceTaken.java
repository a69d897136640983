package org.trialstream.enrolment.study.api;

import java.util.UUID;

/** Service-private: a patient took enrolment place {@code place} of the study's cap. */
public record EnrolmentPlaceTaken(String studyId, UUID patientId, int place) {
}
