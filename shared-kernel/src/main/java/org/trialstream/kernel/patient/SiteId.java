package org.trialstream.kernel.patient;

import java.util.Objects;
import java.util.regex.Pattern;

/** A participating site's code, for example {@code RJH} (Ruijin Hospital): 2 to 16 capitals, digits or dashes. */
public record SiteId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,15}");

    public SiteId {
        Objects.requireNonNull(value, "site id");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("site id must be 2-16 capitals, digits or dashes, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
