package org.trialstream.radiotherapy.course.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.trialstream.kernel.contract.radiotherapy.DeviationSeverity;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;

/** The request bodies of the radiotherapy API. They check form; the course checks the protocol. */
final class RadiotherapyRequests {

    /** Form bounds only, far above anything the protocol allows: the course applies the protocol's numbers. */
    private static final String MAX_GY = "200";
    private static final int MAX_FRACTIONS = 100;

    private RadiotherapyRequests() {
    }

    record Prescription(@NotNull LocalDate prescribedOn,
                        @NotNull @DecimalMin("0.01") @DecimalMax(MAX_GY) BigDecimal baseDoseGy,
                        @NotNull @Min(1) @Max(MAX_FRACTIONS) Integer baseFractions,
                        @NotNull @DecimalMin("0") @DecimalMax(MAX_GY) BigDecimal boostDoseGy,
                        @NotNull @Min(0) @Max(MAX_FRACTIONS) Integer boostFractions,
                        @Size(max = 2000) String reason) {
    }

    record Confirmation(@NotNull LocalDate on,
                        @NotBlank(message = "keeping the prescription needs a reason") @Size(max = 2000)
                        String reason) {
    }

    record Fraction(@NotNull LocalDate deliveredOn, @NotNull @DecimalMin("0.01") @DecimalMax(MAX_GY) BigDecimal doseGy,
                    @NotNull RadiotherapyPhase phase) {
    }

    record Interruption(@NotNull LocalDate from, @NotNull LocalDate to,
                        @NotBlank(message = "an interruption needs a reason") @Size(max = 2000) String reason) {
    }

    record Deviation(@NotNull LocalDate on, @NotNull DeviationSeverity severity,
                     @NotBlank(message = "a deviation needs a description") @Size(max = 2000) String description) {
    }

    record EarlyStop(@NotNull LocalDate on,
                     @NotBlank(message = "an early stop needs a reason") @Size(max = 2000) String reason) {
    }

    record Accepted(String patientId) {
    }
}
