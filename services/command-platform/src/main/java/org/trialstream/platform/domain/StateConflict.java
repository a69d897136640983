package org.trialstream.platform.domain;

/** A command that is well formed but conflicts with what has already happened, such as a full study (409). */
public class StateConflict extends RuleViolation {

    public StateConflict(String field, String rule) {
        super(field, rule);
    }
}
