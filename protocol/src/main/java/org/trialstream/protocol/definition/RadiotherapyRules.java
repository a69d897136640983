package org.trialstream.protocol.definition;

import org.trialstream.kernel.patient.ResectionMargin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Postoperative IMRT (registry record: "50 Gy in 2.0 Gy per fraction"; no boost for a negative margin, 10-16 Gy for a
 * microscopically positive one, 16-18 Gy for a grossly positive one).
 *
 * @param baseDoseGy        total base dose (50 Gy)
 * @param fractions         base fractions (25)
 * @param dosePerFractionGy dose per fraction (2.0 Gy); base dose = fractions x dose per fraction
 * @param boostGyByMargin   permitted boost for each margin status; every status has an entry; the boost is given in
 *                          fractions of {@code dosePerFractionGy} too
 * @param fractionsPerDay   fractions allowed on one day (1: the protocol has no twice-daily schedule)
 * @param gapToleranceWorkingDays working days (Monday to Friday) without a fraction, between two fractions, that the
 *                          course tolerates; a longer gap is a finding
 */
public record RadiotherapyRules(BigDecimal baseDoseGy, int fractions, BigDecimal dosePerFractionGy,
                                Map<ResectionMargin, BoostRange> boostGyByMargin, int fractionsPerDay,
                                int gapToleranceWorkingDays) {

    public RadiotherapyRules {
        Objects.requireNonNull(baseDoseGy, "baseDoseGy");
        Objects.requireNonNull(dosePerFractionGy, "dosePerFractionGy");
        EnumMap<ResectionMargin, BoostRange> copy = new EnumMap<>(ResectionMargin.class);
        copy.putAll(boostGyByMargin);
        if (copy.size() != ResectionMargin.values().length) {
            throw new IllegalArgumentException("every resection margin needs a boost range, got " + copy.keySet());
        }
        boostGyByMargin = Map.copyOf(copy);
        if (fractionsPerDay < 1 || gapToleranceWorkingDays < 0) {
            throw new IllegalArgumentException("at least one fraction a day, and no negative gap tolerance");
        }
    }

    /** Fractions of {@code dosePerFractionGy} that make {@code doseGy}, or -1 when it is not a whole number of them. */
    public int fractionsOf(BigDecimal doseGy) {
        BigDecimal[] division = doseGy.divideAndRemainder(dosePerFractionGy);
        return division[1].signum() == 0 ? division[0].intValueExact() : -1;
    }

    public BoostRange boostFor(ResectionMargin margin) {
        return boostGyByMargin.get(margin);
    }

    /**
     * Checks base dose, fractionation and boost against the protocol. Every broken rule gives one reason; an empty
     * list means the prescription is within bounds.
     */
    public PrescriptionCheck checkPrescription(RadiotherapyPrescription prescription) {
        List<String> reasons = new ArrayList<>();
        if (prescription.baseDoseGy().compareTo(baseDoseGy) != 0) {
            reasons.add("base dose " + gy(prescription.baseDoseGy()) + " differs from the protocol's " + gy(baseDoseGy));
        }
        if (prescription.fractions() != fractions) {
            reasons.add(prescription.fractions() + " base fractions differ from the protocol's " + fractions);
        }
        if (prescription.fractions() > 0) {
            BigDecimal perFraction = prescription.baseDoseGy()
                    .divide(BigDecimal.valueOf(prescription.fractions()), 4, RoundingMode.HALF_UP);
            if (perFraction.compareTo(dosePerFractionGy) != 0) {
                reasons.add("dose per fraction " + gy(perFraction) + " differs from the protocol's " + gy(dosePerFractionGy));
            }
        } else {
            reasons.add("a prescription needs at least one fraction");
        }
        BoostRange allowed = boostFor(prescription.margin());
        if (!allowed.contains(prescription.boostGy())) {
            reasons.add("boost " + gy(prescription.boostGy()) + " is outside " + allowed + " permitted for margin "
                    + prescription.margin());
        }
        return new PrescriptionCheck(reasons);
    }

    private static String gy(BigDecimal dose) {
        return dose.stripTrailingZeros().toPlainString() + " Gy";
    }
}
