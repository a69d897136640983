package org.trialstream.platform.domain;

/**
 * The record does not exist for the person asking (404). Site staff of another site are told exactly what they would
 * be told about an id that was never used.
 */
public class NotFound extends RuntimeException {

    private final String field;

    public NotFound(String field, String rule) {
        super(rule);
        this.field = field;
    }

    public static NotFound patient() {
        return new NotFound("patientId", "no patient with this id exists");
    }

    public String field() {
        return field;
    }

    public String rule() {
        return getMessage();
    }
}
