package org.trialstream.enrolment.study.api;

import java.util.UUID;

/** Service-private: a screening-log number was given to a patient; it can never be given to another. */
public record ScreeningNumberRegistered(String studyId, String screeningNumber, UUID patientId) {
}
