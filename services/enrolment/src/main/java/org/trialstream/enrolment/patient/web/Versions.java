package org.trialstream.enrolment.patient.web;

/**
 * Reads an {@code If-Match} header ({@code "7"}, {@code W/"7"} or {@code 7}) as the expected record version;
 * {@code *} or no header means any version.
 */
final class Versions {

    private Versions() {
    }

    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must be a record version number, was '" + ifMatch + "'");
        }
    }
}
