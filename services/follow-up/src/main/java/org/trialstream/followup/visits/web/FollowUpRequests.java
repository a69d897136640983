package org.trialstream.followup.visits.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.trialstream.followup.visits.api.FollowUpCommands.Findings;
import org.trialstream.kernel.contract.followup.ImagingModality;

/** The request bodies of the follow-up API. They check form; the aggregate checks the protocol. */
final class FollowUpRequests {

    private FollowUpRequests() {
    }

    record Assessment(@NotNull LocalDate assessedOn, @NotNull ImagingModality modality,
                      @NotNull Boolean localRecurrence, @NotNull Boolean distantMetastasis,
                      @Size(max = 20) List<@NotBlank @Size(max = 100) String> metastasisSites,
                      @Min(1) @Max(1000) Integer visit) {

        Findings findings() {
            return new Findings(assessedOn, modality, localRecurrence, distantMetastasis,
                    metastasisSites == null ? List.of() : metastasisSites.stream().map(String::strip).toList(), visit);
        }
    }

    record Correction(@NotBlank @Size(max = 100) String correctedEventId, @NotNull LocalDate assessedOn,
                      @NotNull ImagingModality modality, @NotNull Boolean localRecurrence,
                      @NotNull Boolean distantMetastasis,
                      @Size(max = 20) List<@NotBlank @Size(max = 100) String> metastasisSites,
                      @Min(1) @Max(1000) Integer visit,
                      @NotBlank(message = "a correction needs a reason") @Size(max = 2000) String reason) {

        Findings findings() {
            return new Assessment(assessedOn, modality, localRecurrence, distantMetastasis, metastasisSites, visit)
                    .findings();
        }
    }

    record Contact(@NotNull LocalDate on) {
    }

    record Death(@NotNull LocalDate diedOn, @NotBlank @Size(max = 500) String cause) {
    }

    record Loss(@NotNull LocalDate lastKnownAliveOn, @NotBlank @Size(max = 2000) String reason) {
    }

    record Accepted(String patientId) {
    }
}
