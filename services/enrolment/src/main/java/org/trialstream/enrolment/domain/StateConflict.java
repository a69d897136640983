package org.trialstream.enrolment.domain;

/** A command that is well formed but conflicts with what has already happened, such as a full study. */
public class StateConflict extends RuleViolation {

    public StateConflict(String field, String rule) {
        super(field, rule);
    }
}
