package org.trialstream.dosing.course.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DoseDecision;

/** The request bodies of the dosing API. They check form; the course checks the protocol. */
final class DosingRequests {

    /** Form bounds only, far above anything the protocol allows: the course applies the protocol's numbers. */
    private static final int MAX_MG = 1000;
    private static final int MAX_COUNT = 1000;

    private DosingRequests() {
    }

    record Deviation(@NotBlank(message = "a protocol deviation needs a reason") @Size(max = 2000) String reason) {
    }

    record FirstDose(@NotNull LocalDate takenOn, @NotNull @Min(1) @Max(MAX_MG) Integer doseMg,
                     @Valid Deviation deviation) {
    }

    record Dispensing(@NotNull LocalDate dispensedOn, @NotNull @Min(1) @Max(MAX_COUNT) Integer cycle,
                      @NotNull @Min(1) @Max(MAX_COUNT) Integer tablets,
                      @NotNull @Min(1) @Max(MAX_MG) Integer strengthMg, @NotBlank @Size(max = 50) String lot) {
    }

    record DispensingCorrection(@NotBlank @Size(max = 100) String correctedEventId, @NotNull LocalDate dispensedOn,
                                @NotNull @Min(1) @Max(MAX_COUNT) Integer cycle,
                                @NotNull @Min(1) @Max(MAX_COUNT) Integer tablets,
                                @NotNull @Min(1) @Max(MAX_MG) Integer strengthMg, @NotBlank @Size(max = 50) String lot,
                                @NotBlank(message = "a correction needs a reason") @Size(max = 2000) String reason) {
    }

    record ReturnCorrection(@NotBlank @Size(max = 100) String correctedEventId, @NotNull LocalDate returnedOn,
                            @NotNull @Min(1) @Max(MAX_COUNT) Integer cycle,
                            @NotNull @Min(0) @Max(MAX_COUNT) Integer tablets,
                            @NotBlank(message = "a correction needs a reason") @Size(max = 2000) String reason) {
    }

    record Return(@NotNull LocalDate returnedOn, @NotNull @Min(1) @Max(MAX_COUNT) Integer cycle,
                  @NotNull @Min(0) @Max(MAX_COUNT) Integer tablets) {
    }

    /** @param doseMg required on a day taken, absent on a day missed */
    record Day(@NotNull LocalDate date, @NotNull Boolean taken, @Min(1) @Max(MAX_MG) Integer doseMg) {

        DiaryDay day() {
            return new DiaryDay(date, taken, taken ? doseMg : null);
        }
    }

    record Diary(@NotNull @Min(1) @Max(MAX_COUNT) Integer cycle,
                 @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Day> days,
                 @Size(max = 2000) String reason) {
    }

    record DoseReduction(@NotNull LocalDate effectiveOn, @NotNull @Min(1) @Max(MAX_MG) Integer toMg,
                         @NotNull UUID adverseEventId,
                         @NotBlank(message = "a reduction needs a reason") @Size(max = 2000) String reason) {
    }

    record Interruption(@NotNull LocalDate from,
                        @NotBlank(message = "a hold needs a reason") @Size(max = 2000) String reason) {
    }

    record Resumption(@NotNull LocalDate on) {
    }

    record Discontinuation(@NotNull LocalDate on, @NotNull DiscontinuationReason reason,
                           @Size(max = 2000) String detail, UUID adverseEventId) {
    }

    /** @param on the day of the decision; today at the site when absent */
    record Decision(@NotNull DoseDecision decision,
                    @NotBlank(message = "a dose decision needs a reason") @Size(max = 2000) String reason,
                    LocalDate on) {
    }

    record Accepted(String patientId) {
    }
}
