package org.trialstream.enrolment.study.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenStudyCommand(@TargetAggregateIdentifier String studyId, int enrolmentCap) {
}
