package org.trialstream.platform.web;

/** Input whose form is wrong before any rule applies (400), naming the field or header. */
public class BadRequest extends RuntimeException {

    private final String field;

    public BadRequest(String field, String rule) {
        super(rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
