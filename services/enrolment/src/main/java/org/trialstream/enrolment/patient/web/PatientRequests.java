package org.trialstream.enrolment.patient.web;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.trialstream.kernel.patient.ResectionMargin;

/** The request bodies of the patient API. They check form; the aggregate checks the protocol. */
final class PatientRequests {

    private PatientRequests() {
    }

    record Screening(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "must be 1-20 letters, digits or dashes")
            String screeningNumber,
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,15}", message = "must be 2-16 capitals, digits or dashes")
            String siteId,
            @NotNull LocalDate screenedOn) {
    }

    record Eligibility(@NotEmpty Map<String, @NotNull Boolean> answers, @NotNull LocalDate assessedOn) {
    }

    /** {@code enrolledOn}, when not given, is today at the site. */
    record Enrolment(LocalDate enrolledOn, @NotNull LocalDate surgeryDate, @NotNull ResectionMargin margin,
                     @NotBlank @Size(max = 200) String histology) {
    }

    record Withdrawal(@NotNull LocalDate withdrawnOn, @NotBlank @Size(max = 2000) String reason) {
    }

    record Correction(LocalDate surgeryDate, ResectionMargin margin,
                      @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank when given") @Size(max = 200)
                      String histology,
                      @NotBlank(message = "a correction needs a reason") @Size(max = 2000) String reason) {
    }

    record Accepted(String patientId) {
    }
}
