package org.trialstream.statistics.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Compares a computed value with a printed one to the precision it was printed with (NA/NaN: undefined). */
final class PublishedValue {

    private PublishedValue() {
    }

    static void assertMatches(String description, double actual, String printed) {
        if (printed.equals("NA") || printed.equals("NaN")) {
            assertThat(actual).as(description + " undefined").isNaN();
            return;
        }
        int dot = printed.indexOf('.');
        int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
        double halfUnit = 0.5 * Math.pow(10, -decimals);
        assertThat(actual).as(description + " printed as " + printed)
                .isCloseTo(Double.parseDouble(printed), within(halfUnit + 1e-12));
    }
}
