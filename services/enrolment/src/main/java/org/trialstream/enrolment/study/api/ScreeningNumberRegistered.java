package org.trialstream.enrolment.study.api;

import java.util.UUID;

/**
 * Service-private, and no longer written: stores from before the screening-number table hold it on the study
 * register, and it stays a known type so that those stores read as they were written. The table is filled from the
 * stored {@code PatientScreened} facts instead ({@code V1001__BackfillScreeningNumbers}).
 */
public record ScreeningNumberRegistered(String studyId, String screeningNumber, UUID patientId) {
}
