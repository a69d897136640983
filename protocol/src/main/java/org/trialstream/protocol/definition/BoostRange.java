package org.trialstream.protocol.definition;

import java.math.BigDecimal;
import java.util.Objects;

/** Permitted boost dose, inclusive bounds in Gy. */
public record BoostRange(BigDecimal minGy, BigDecimal maxGy) {

    public BoostRange {
        Objects.requireNonNull(minGy, "minGy");
        Objects.requireNonNull(maxGy, "maxGy");
        if (minGy.signum() < 0 || maxGy.compareTo(minGy) < 0) {
            throw new IllegalArgumentException("a boost range needs 0 <= min <= max, was " + minGy + "-" + maxGy);
        }
    }

    public boolean contains(BigDecimal boostGy) {
        return boostGy.compareTo(minGy) >= 0 && boostGy.compareTo(maxGy) <= 0;
    }

    @Override
    public String toString() {
        return minGy.compareTo(maxGy) == 0
                ? minGy.stripTrailingZeros().toPlainString() + " Gy"
                : minGy.stripTrailingZeros().toPlainString() + "-" + maxGy.stripTrailingZeros().toPlainString() + " Gy";
    }
}
