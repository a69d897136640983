package org.trialstream.platform.web;

/**
 * Reads an {@code If-Match} header as the record version the user last saw: {@code "7"}, {@code W/"7"} or
 * {@code 7}. No header or {@code *} means any version. Anything else, a list of versions included, is refused with
 * 400 naming the header.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("\\d{1,18}")) {
            throw new BadRequest("If-Match", "must be the record version last seen, such as \"7\"");
        }
        return Long.parseLong(value);
    }
}
