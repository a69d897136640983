package org.trialstream.platform.domain;

/**
 * A command whose input breaks a protocol rule (422). It names the offending field and the rule so that site staff
 * can act on it; nothing is written.
 */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String rule) {
        super(rule);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return getMessage();
    }
}
