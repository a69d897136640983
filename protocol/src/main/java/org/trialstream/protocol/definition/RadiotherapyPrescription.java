package org.trialstream.protocol.definition;

import org.trialstream.kernel.patient.ResectionMargin;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A postoperative IMRT prescription as the radiotherapist writes it.
 *
 * @param margin     the resection margin the boost is chosen for
 * @param baseDoseGy total dose of the base course
 * @param fractions  fractions of the base course
 * @param boostGy    boost dose, 0 for none
 */
public record RadiotherapyPrescription(ResectionMargin margin, BigDecimal baseDoseGy, int fractions, BigDecimal boostGy) {

    public RadiotherapyPrescription {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(baseDoseGy, "baseDoseGy");
        Objects.requireNonNull(boostGy, "boostGy");
    }
}
