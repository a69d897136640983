package org.trialstream.safety.adverseevents.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.trialstream.kernel.contract.safety.ActionTaken;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Description;

/** The request bodies of the safety API. They check form; the aggregate checks CTCAE and the protocol. */
final class SafetyRequests {

    private SafetyRequests() {
    }

    record AttributionBody(@NotNull Causality anlotinib, @NotNull Causality radiotherapy) {

        Attribution attribution() {
            return new Attribution(anlotinib, radiotherapy);
        }
    }

    record Seriousness(@NotNull @Size(min = 1, max = 6) List<@NotNull SeriousnessCriterion> criteria) {
    }

    /** An adverse event by CTCAE term or MedDRA code; the same fields for a report and for a correction. */
    record AdverseEvent(@Size(max = 200) String term, @Size(max = 20) String meddraCode,
                        @NotNull @Min(1) @Max(5) Integer grade, @NotNull LocalDate onsetOn,
                        @NotNull LocalDate awareOn, @NotNull @Valid AttributionBody attribution,
                        @NotNull Boolean expected, Boolean intolerable, @Valid Seriousness serious,
                        @NotNull ActionTaken actionTaken, AdverseEventOutcome outcome) {

        Description description() {
            return new Description(term, meddraCode, grade, onsetOn, awareOn, attribution.attribution(), expected,
                    Boolean.TRUE.equals(intolerable), serious == null ? List.of() : serious.criteria(), actionTaken,
                    outcome);
        }
    }

    record Correction(@NotNull @Valid AdverseEvent adverseEvent,
                      @NotBlank(message = "a correction needs a reason") @Size(max = 2000) String reason) {
    }

    record GradeChange(@NotNull @Min(1) @Max(5) Integer grade, @NotNull LocalDate on,
                       @NotBlank(message = "a change of grade needs a reason") @Size(max = 2000) String reason) {
    }

    record SeriousnessReport(@NotNull @Size(min = 1, max = 6) List<@NotNull SeriousnessCriterion> criteria,
                             @NotNull LocalDate awareOn) {
    }

    record Resolution(@NotNull LocalDate resolvedOn, @NotNull AdverseEventOutcome outcome) {
    }

    record Report(@NotNull ExpeditedReportKind kind, @NotNull LocalDate submittedOn,
                  @NotBlank @Size(max = 200) String recipient) {
    }

    record Accepted(String patientId, String adverseEventId) {
    }
}
