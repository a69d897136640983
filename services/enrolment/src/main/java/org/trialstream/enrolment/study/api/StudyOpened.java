package org.trialstream.enrolment.study.api;

/** Service-private: the study's enrolment register was opened with the protocol's cap. */
public record StudyOpened(String studyId, int enrolmentCap) {
}
